import { HumanDuration } from '@backstage/types';
import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Readiness backend. */
  readiness?: {
    /**
     * Scorecard definitions. Each entry is either a scorecard written inline
     * or `{ file: <path> }` naming a YAML file (relative to the backend's
     * working directory) whose top-level `scorecards` list holds more.
     * Modules may contribute scorecards too; ids must be unique across all.
     */
    scorecards?: Array<{ file: string } | { [key: string]: unknown }>;
    /** The production-readiness scorecard that ships with the suite (101 checks). */
    defaultScorecard?: {
      /** Set to false to use only the scorecards of `readiness.scorecards` and modules. Default: true. */
      enabled?: boolean;
      /**
       * Changes to single checks, by check id, without copying the scorecard:
       * `enabled: false` drops a check, `level` moves it, `applicability`
       * replaces its entity filter.
       */
      overrides?: {
        [checkId: string]: {
          enabled?: boolean;
          level?: string;
          applicability?: { [key: string]: unknown };
        };
      };
    };
    /**
     * Files of attestations and exemptions recorded elsewhere (past reviews,
     * another tool, the demo organisation), each `{ file: <path> }` relative
     * to the backend's working directory. Every entry is added once, checked
     * with the same rules as the REST API; times may be ISO timestamps or
     * relative to the start (`T-80d`). An invalid entry stops start-up with a
     * message naming the file, the entry, the check and the field.
     */
    recordImports?: Array<{ file: string }>;
    /** Readiness badges, `GET /api/readiness/badge/:kind/:namespace/:name`. */
    badges?: {
      /**
       * Serve badges to anyone, without sign-in, for every entity in the
       * catalog (e.g. to embed them in READMEs). Default false: a badge needs
       * a signed-in caller who can read the entity in the catalog, like the
       * rest of the API.
       */
      public?: boolean;
    };
    /** The refresh engine. */
    refresh?: {
      /**
       * How often each replica looks for due entities.
       * Default: every minute, first run 10 seconds after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How long an entity's facts are kept before it is refreshed again. Default: 1 hour. */
      interval?: HumanDuration | string;
      /**
       * How soon the entities of a batch whose refresh failed (e.g. the
       * database went away mid-batch) are tried again. At most `interval`.
       * Default: 5 minutes.
       */
      retryDelay?: HumanDuration | string;
      /** Entities claimed and refreshed together; providers get the whole batch. Default: 50. */
      batchSize?: number;
      /** How long a replica's claim lasts before another may take the batch over. Default: 10 minutes. */
      claimTimeout?: HumanDuration | string;
      /** Time limit of one provider call for one batch. Default: 2 minutes. */
      providerTimeout?: HumanDuration | string;
    };
    /**
     * Maximum age of facts per source id before checks that read them become
     * `unknown`. Defaults: kubernetes 24 hours, repository 7 days, others 24 hours.
     */
    maxFactAge?: { [source: string]: HumanDuration | string };
  };
}
