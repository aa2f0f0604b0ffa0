import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  attestationRenewBy,
  EntityReadiness,
  Exemption,
  recordInForce,
  Scorecard,
  summarizeResults,
  targetLevelFor,
} from '@readiness/backstage-plugin-readiness-common';
import { EvaluationWrite } from '../database/ReadinessStore';

/**
 * Joins an entity's stored evaluations with the scorecard definitions and its
 * records into the `GET /entities/...` answer. Scorecards without a stored
 * evaluation (not yet refreshed) are left out.
 */
export function buildEntityReadiness(input: {
  entity: Entity;
  entityRef: string;
  scorecards: Scorecard[];
  evaluations: EvaluationWrite[];
  attestations: Attestation[];
  exemptions: Exemption[];
  now: Date;
}): EntityReadiness {
  const byScorecard = new Map(
    input.evaluations.map(e => [e.score.scorecardId, e]),
  );
  const scorecards = input.scorecards.flatMap(scorecard => {
    const evaluation = byScorecard.get(scorecard.id);
    if (!evaluation) {
      return [];
    }
    const resultOf = new Map(evaluation.results.map(r => [r.checkId, r]));
    const checks = scorecard.checks.flatMap(check => {
      const result = resultOf.get(check.id);
      if (!result) {
        return [];
      }
      const attestation = input.attestations.find(
        a => a.checkId === check.id && !a.revokedAt,
      );
      return [
        {
          checkId: check.id,
          title: check.title,
          category: check.category,
          level: check.level,
          description: check.description,
          remediation: check.remediation,
          source: check.source,
          status: result.status,
          evidence: result.evidence,
          evaluatedAt: evaluation.score.evaluatedAt.toISOString(),
          changedAt: result.changedAt.toISOString(),
          attestation,
          renewBy: attestation && attestationRenewBy(attestation, input.now),
          exemption: input.exemptions.find(
            e => e.checkId === check.id && recordInForce(e, input.now),
          ),
        },
      ];
    });
    const summary = summarizeResults(scorecard, evaluation.results);
    return [
      {
        scorecardId: scorecard.id,
        title: scorecard.title,
        levels: scorecard.levels,
        level: evaluation.score.level,
        score: evaluation.score.score,
        counts: evaluation.score.counts,
        targetLevel: targetLevelFor(scorecard, input.entity) ?? null,
        nextLevel: summary.nextLevel,
        categories: summary.categories,
        evaluatedAt: evaluation.score.evaluatedAt.toISOString(),
        checks,
      },
    ];
  });
  return { entityRef: input.entityRef, scorecards };
}
