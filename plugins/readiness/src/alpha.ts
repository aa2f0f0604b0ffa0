/**
 * The Readiness frontend plugin for the new frontend system.
 *
 * @packageDocumentation
 */

export { readinessPlugin as default } from './alpha/plugin';
export {
  readinessApi,
  readinessEntityCard,
  readinessEntityContent,
  readinessPage,
  readinessTeamCard,
} from './alpha/extensions';
