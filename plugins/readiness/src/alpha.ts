export { readinessPlugin as default } from './alpha/plugin';
