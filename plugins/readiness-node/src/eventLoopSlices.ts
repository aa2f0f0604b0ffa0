import { setImmediate } from 'node:timers/promises';

/**
 * Returns a function to await between the steps of a long synchronous loop
 * (building facts, evaluating a batch): it yields to the event loop once the
 * work since the last yield has taken `sliceMs`, so that requests to every
 * route of the backend keep being served while a refresh runs.
 *
 * @public
 */
export function eventLoopSlices(sliceMs = 20): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart >= sliceMs) {
      await setImmediate();
      sliceStart = performance.now();
    }
  };
}
