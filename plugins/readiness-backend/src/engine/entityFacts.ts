import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  EntityFacts,
  Exemption,
  recordInForce,
  Scorecard,
  SourceFacts,
} from '@readiness/backstage-plugin-readiness-common';
import { StoredFacts } from '../database/ReadinessStore';

/** SHA-256 of a value's JSON with object keys sorted, so equal data hashes equally. */
function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/**
 * SHA-256 of collected fact data as JSON, keys in the order the provider
 * built them. A provider builds equal data the same way every time, and the
 * native serialiser is several times faster than sorting keys: about 5 ms
 * instead of 23 ms for a batch of 50 entities' facts from three sources.
 */
export function factsHash(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/** Hash of each scorecard definition, computed once per definition object. */
const definitionHashes = new WeakMap<Scorecard, string>();

export function definitionHash(scorecard: Scorecard): string {
  let hash = definitionHashes.get(scorecard);
  if (!hash) {
    hash = contentHash(scorecard);
    definitionHashes.set(scorecard, hash);
  }
  return hash;
}

function stableJson(value: unknown): string {
  const parts: string[] = [];
  writeStableJson(value, parts);
  return parts.join('');
}

function writeStableJson(value: unknown, parts: string[]): void {
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      writeStableJson(value[i], parts);
    }
    parts.push(']');
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter(k => record[k] !== undefined)
      .sort();
    parts.push('{');
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) parts.push(',');
      parts.push(JSON.stringify(keys[i]), ':');
      writeStableJson(record[keys[i]], parts);
    }
    parts.push('}');
    return;
  }
  parts.push(JSON.stringify(value) ?? 'null');
}

/** What an evaluation depends on of one source, known without reading its data. */
export type SourceState =
  | { status: 'ok'; hash: string; collectedAt: string }
  | { status: 'stale'; collectedAt: string; error: string }
  | { status: 'error'; error: string };

/**
 * The state of each source of an entity from its stored facts, data or not.
 * Facts older than their source's maximum age are `stale`; a source whose
 * every attempt failed is `error`; a source never collected is absent, which
 * the evaluator treats as `missing`. A failed attempt after a success keeps
 * the earlier facts in use until they reach the maximum age, so nothing known
 * is erased.
 */
export function sourceStates(
  stored: Array<Omit<StoredFacts, 'data'>>,
  options: { now: Date; maxAgeMs: (source: string) => number },
): Record<string, SourceState> {
  const states: Record<string, SourceState> = {};
  for (const facts of stored) {
    if (facts.contentHash && facts.collectedAt) {
      const ageMs = options.now.getTime() - facts.collectedAt.getTime();
      const collectedAt = facts.collectedAt.toISOString();
      states[facts.source] =
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
          : { status: 'ok', hash: facts.contentHash, collectedAt };
    } else {
      states[facts.source] = {
        status: 'error',
        error: facts.error ?? `No facts from ${facts.source}`,
      };
    }
  }
  return states;
}

/** Turns stored facts, with their data, into what the evaluator reads (see {@link sourceStates}). */
export function toEntityFacts(
  entity: Entity,
  stored: StoredFacts[],
  options: { now: Date; maxAgeMs: (source: string) => number },
): EntityFacts {
  const dataOf = new Map(stored.map(f => [f.source, f.data]));
  const sources: Record<string, SourceFacts> = {};
  for (const [source, state] of Object.entries(sourceStates(stored, options))) {
    const data = dataOf.get(source);
    if (state.status === 'ok' && data) {
      sources[source] = {
        status: 'ok',
        data,
        collectedAt: state.collectedAt,
      };
    } else if (state.status === 'ok') {
      sources[source] = { status: 'error', error: `No facts from ${source}` };
    } else {
      sources[source] = state;
    }
  }
  return { entity, sources };
}

/**
 * The hash of everything an evaluation depends on: the definition, the
 * entity, each source's state and facts hash, the records in force, and the
 * day (so each entity gets one history point a day). An unchanged hash means
 * the stored results still hold.
 */
export function evaluationInputHash(input: {
  scorecard: Scorecard;
  entity: Entity;
  sources: Record<string, SourceState>;
  attestations: Attestation[];
  exemptions: Exemption[];
  now: Date;
}): string {
  const inForce = (r: { expiresAt: string; revokedAt?: string }) =>
    recordInForce(r, input.now);
  return contentHash({
    scorecard: definitionHash(input.scorecard),
    entity: input.entity,
    sources: Object.fromEntries(
      Object.entries(input.sources).map(([id, s]) => [
        id,
        s.status === 'ok'
          ? { status: s.status, hash: s.hash }
          : { status: s.status, error: s.error },
      ]),
    ),
    attestations: input.attestations.filter(inForce).map(a => a.id),
    exemptions: input.exemptions.filter(inForce).map(e => e.id),
    day: input.now.toISOString().slice(0, 10),
  });
}
