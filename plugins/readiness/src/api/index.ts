export { readinessApiRef } from './ReadinessApi';
export type { ReadinessApi, ReadinessHealth } from './ReadinessApi';
export { ReadinessClient } from './ReadinessClient';
