export { StatusCountsBar } from './StatusCountsBar';
