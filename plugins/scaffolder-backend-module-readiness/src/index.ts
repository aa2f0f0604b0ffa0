/**
 * Scaffolder actions that evaluate a generated workspace against a Readiness
 * scorecard.
 *
 * @packageDocumentation
 */

export { scaffolderModuleReadiness as default } from './module';
export { createEvaluateWorkspaceAction } from './actions/evaluateWorkspace';
