/**
 * The Readiness frontend plugin: entity scorecards, the org-wide overview and
 * the team view. Apps on the new frontend system import `./alpha`.
 *
 * @packageDocumentation
 */

export {
  readinessPlugin,
  ReadinessPage,
  EntityReadinessCard,
  EntityReadinessContent,
  EntityTeamReadinessCard,
} from './plugin';
export { rootRouteRef, entityContentRouteRef } from './routes';
export * from './api';
export type { EntityReadinessCardProps } from './components/EntityReadinessCard';
export type { EntityReadinessContentProps } from './components/EntityReadinessContent';
export type { TeamReadinessCardProps } from './components/TeamReadinessCard';
export { LevelChip } from './components/LevelChip';
export { StatusChip } from './components/StatusChip';
