export { ReadinessErrorPanel } from './ReadinessErrorPanel';
