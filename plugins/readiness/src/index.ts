/**
 * The Readiness frontend plugin: entity scorecards, the org-wide overview and
 * the team view. Apps on the new frontend system import `./alpha`.
 *
 * @packageDocumentation
 */

export { readinessPlugin, ReadinessPage } from './plugin';
export { readinessApiRef, ReadinessClient } from './api';
export type { ReadinessApi, ReadinessHealth } from './api';
