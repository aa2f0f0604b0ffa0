/**
 * The repository fact provider for the Readiness backend.
 *
 * @packageDocumentation
 */

export { readinessModuleRepository as default } from './module';
