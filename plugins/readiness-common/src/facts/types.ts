import type { Entity } from '@backstage/catalog-model';

/**
 * The facts one provider collected for one entity. Anything but `ok` makes
 * the checks that read this source `unknown`, never `fail`.
 *
 * @public
 */
export type SourceFacts =
  | {
      status: 'ok';
      /** The collected data; fact paths `<sourceId>.x.y` read inside it. */
      data: unknown;
      /** ISO 8601 timestamp of the collection. */
      collectedAt: string;
    }
  | {
      /**
       * `error`: collection failed (unreachable, permission denied, ...);
       * `missing`: never collected or the provider is not installed;
       * `stale`: older than the source's maximum age.
       */
      status: 'error' | 'missing' | 'stale';
      /** Why, phrased for the service owner. */
      error?: string;
      /** When the last successful collection happened, if ever. */
      collectedAt?: string;
    };

/**
 * Everything the evaluator knows about one entity: the catalog entity itself
 * (fact paths `entity.*`) and the facts of each source by source id.
 *
 * @public
 */
export interface EntityFacts {
  entity: Entity;
  sources: Record<string, SourceFacts | undefined>;
}
