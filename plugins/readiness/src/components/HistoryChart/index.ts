export { HistoryChart } from './HistoryChart';
