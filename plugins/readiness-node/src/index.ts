/**
 * Extension points and service references for modules of the Readiness backend.
 *
 * @packageDocumentation
 */

export {
  readinessFactProvidersExtensionPoint,
  type CollectedFacts,
  type FactProvider,
  type ReadinessFactProvidersExtensionPoint,
} from './extensions';
