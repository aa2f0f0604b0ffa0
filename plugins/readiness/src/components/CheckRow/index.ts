export { CheckRow } from './CheckRow';
