export { readinessApiRef } from './ReadinessApi';
export type { ReadinessApi, ReadinessEntityRef } from './ReadinessApi';
export { ReadinessClient } from './ReadinessClient';
export * from './types';
