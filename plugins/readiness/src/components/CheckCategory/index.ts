export { CheckCategory } from './CheckCategory';
