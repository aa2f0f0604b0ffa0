import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  EntityFacts,
  Exemption,
  Scorecard,
  SourceFacts,
} from '@readiness/backstage-plugin-readiness-common';
import { StoredFacts } from '../database/ReadinessStore';

/** SHA-256 of a value's JSON with object keys sorted, so equal data hashes equally. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Turns stored facts into what the evaluator reads. Facts older than their
 * source's maximum age are `stale`; a source whose every attempt failed is
 * `error`; a source never collected is absent, which the evaluator treats as
 * `missing`. A failed attempt after a success keeps the earlier facts in use
 * until they reach the maximum age, so nothing known is erased.
 */
export function toEntityFacts(
  entity: Entity,
  stored: StoredFacts[],
  options: { now: Date; maxAgeMs: (source: string) => number },
): EntityFacts {
  const sources: Record<string, SourceFacts> = {};
  for (const facts of stored) {
    if (facts.data && facts.collectedAt) {
      const ageMs = options.now.getTime() - facts.collectedAt.getTime();
      const collectedAt = facts.collectedAt.toISOString();
      sources[facts.source] =
        ageMs > options.maxAgeMs(facts.source)
          ? {
              status: 'stale',
              collectedAt,
              error: `Facts from ${
                facts.source
              } were collected at ${collectedAt}, older than the maximum age${
                facts.error ? `; the last attempt failed: ${facts.error}` : ''
              }`,
            }
          : { status: 'ok', data: facts.data, collectedAt };
    } else {
      sources[facts.source] = {
        status: 'error',
        error: facts.error ?? `No facts from ${facts.source}`,
      };
    }
  }
  return { entity, sources };
}

/**
 * The hash of everything an evaluation depends on: the definition, the
 * entity, each source's facts and state, the records in force, and the day
 * (so each entity gets one history point a day). An unchanged hash means the
 * stored results still hold.
 */
export function evaluationInputHash(input: {
  scorecard: Scorecard;
  facts: EntityFacts;
  attestations: Attestation[];
  exemptions: Exemption[];
  now: Date;
}): string {
  const now = input.now.getTime();
  const inForce = (r: { expiresAt: string; revokedAt?: string }) =>
    !r.revokedAt && Date.parse(r.expiresAt) > now;
  return contentHash({
    scorecard: input.scorecard,
    entity: input.facts.entity,
    sources: Object.fromEntries(
      Object.entries(input.facts.sources).map(([id, s]) => [
        id,
        s?.status === 'ok'
          ? { status: s.status, hash: contentHash(s.data) }
          : { status: s?.status, error: s?.error },
      ]),
    ),
    attestations: input.attestations.filter(inForce).map(a => a.id),
    exemptions: input.exemptions.filter(inForce).map(e => e.id),
    day: input.now.toISOString().slice(0, 10),
  });
}
