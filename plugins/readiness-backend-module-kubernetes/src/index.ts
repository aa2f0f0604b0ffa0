/**
 * The kubernetes fact provider for the Readiness backend.
 *
 * @packageDocumentation
 */

export { readinessModuleKubernetes as default } from './module';
