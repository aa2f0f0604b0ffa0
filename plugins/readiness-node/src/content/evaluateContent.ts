import {
  EntityFacts,
  evaluateScorecard,
  Scorecard,
  ScorecardEvaluation,
} from '@readiness/backstage-plugin-readiness-common';
import { EvaluationContent, FactProvider } from '../extensions';

/**
 * What turns posted or checked-out content into one source's facts: a fact
 * provider's `factsFromContent`, or the same function exported by a module
 * for use outside the backend (scaffolder actions, the CLI).
 *
 * @public
 */
export type ContentFactSource = Required<
  Pick<FactProvider, 'id' | 'factsFromContent'>
>;

/**
 * The facts of a stateless evaluation: each source's facts derived from the
 * content, overridden by `facts` given per source id. Every source is `ok`
 * and collected `now`; sources with nothing to say are absent, so the checks
 * that read them are `unknown`.
 *
 * @public
 */
export function contentEntityFacts(options: {
  content: EvaluationContent;
  sources: ReadonlyArray<Pick<FactProvider, 'id' | 'factsFromContent'>>;
  facts?: Record<string, Record<string, unknown>>;
  now: Date;
}): EntityFacts {
  const derived = Object.fromEntries(
    options.sources.flatMap(source => {
      const data = source.factsFromContent?.(options.content);
      return data ? [[source.id, data]] : [];
    }),
  );
  const collectedAt = options.now.toISOString();
  return {
    entity: options.content.entity,
    sources: Object.fromEntries(
      Object.entries({ ...derived, ...options.facts }).map(([id, data]) => [
        id,
        { status: 'ok' as const, data, collectedAt },
      ]),
    ),
  };
}

/**
 * One scorecard's result of a stateless evaluation.
 *
 * @public
 */
export interface ContentEvaluation extends ScorecardEvaluation {
  scorecardId: string;
}

/**
 * Evaluates content (an entity, rendered Kubernetes manifests, the files of a
 * repository tree) against scorecards without storing anything: what
 * `POST /api/readiness/evaluate`, the `readiness:evaluate` scaffolder action
 * and the `readiness` CLI share. No attestations or exemptions apply.
 *
 * @public
 */
export function evaluateContent(options: {
  content: EvaluationContent;
  scorecards: ReadonlyArray<Scorecard>;
  sources: ReadonlyArray<Pick<FactProvider, 'id' | 'factsFromContent'>>;
  /** Facts per source id that win over derived ones. */
  facts?: Record<string, Record<string, unknown>>;
  now?: Date;
}): ContentEvaluation[] {
  const now = options.now ?? new Date();
  const facts = contentEntityFacts({ ...options, now });
  return options.scorecards.map(scorecard => ({
    scorecardId: scorecard.id,
    ...evaluateScorecard(scorecard, facts, {
      now,
      attestations: [],
      exemptions: [],
    }),
  }));
}
