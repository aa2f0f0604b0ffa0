export { RangePicker, RANGE_OPTIONS } from './RangePicker';
