/**
 * Persistence of the Readiness backend. The knex implementation is
 * {@link DatabaseReadinessStore}; routes and the engine see only this.
 */
export interface ReadinessStore {
  /** Runs a trivial query; resolves when the database answers. */
  ping(): Promise<void>;
}
