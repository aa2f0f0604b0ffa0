import type { CheckDefinition } from '../definitions/types';
import type { Attestation, CheckResult, Exemption } from '../types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The entity and the moment records are judged for.
 *
 * @public
 */
export interface RecordContext {
  /** The entity's ref, e.g. `component:default/payments-api` (compared case-insensitively). */
  entityRef: string;
  now: Date;
}

function time(iso: string | undefined): number {
  return iso ? Date.parse(iso) : NaN;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/** Records of this check and entity that exist at `now`, latest first. */
function relevant<T extends { checkId: string; entityRef: string }>(
  records: ReadonlyArray<T>,
  checkId: string,
  context: RecordContext,
  at: (record: T) => number,
): T[] {
  return records
    .filter(
      r =>
        r.checkId === checkId &&
        sameRef(r.entityRef, context.entityRef) &&
        at(r) <= context.now.getTime(),
    )
    .sort((a, b) => at(b) - at(a));
}

/**
 * Evaluates an attestation check from its records (readiness-checklist.md
 * section 3): `pass` with a valid unexpired record; `fail` with none or when
 * the latest has expired; revoked records do not count; `not-applicable` when the latest valid record says
 * so. A record's expiry is capped at `attestation.expiryDays` after it was made.
 *
 * @public
 */
export function evaluateAttestation(
  check: Pick<CheckDefinition, 'id' | 'attestation'>,
  attestations: ReadonlyArray<Attestation>,
  context: RecordContext,
): CheckResult {
  const [latest] = relevant(
    attestations.filter(
      a =>
        !Number.isNaN(time(a.expiresAt)) &&
        !(time(a.revokedAt) <= context.now.getTime()),
    ),
    check.id,
    context,
    a => time(a.attestedAt),
  );
  if (!latest) {
    return {
      checkId: check.id,
      status: 'fail',
      evidence: [{ status: 'fail', message: 'No attestation recorded' }],
    };
  }
  const attestedAt = time(latest.attestedAt);
  const maxDays = check.attestation?.expiryDays;
  const expiresAt = Math.min(
    time(latest.expiresAt),
    maxDays ? attestedAt + maxDays * DAY_MS : Infinity,
  );
  const by = `${latest.attestedBy} on ${day(attestedAt)}`;
  if (expiresAt <= context.now.getTime()) {
    return {
      checkId: check.id,
      status: 'fail',
      evidence: [
        {
          status: 'fail',
          message: `Attestation by ${by} expired on ${day(expiresAt)}`,
        },
      ],
    };
  }
  if (latest.notApplicableReason) {
    return {
      checkId: check.id,
      status: 'not-applicable',
      evidence: [
        {
          status: 'not-applicable',
          message: `Attested not applicable by ${by}, valid until ${day(
            expiresAt,
          )}: ${latest.notApplicableReason}`,
        },
      ],
    };
  }
  const note = latest.note ? ` (${latest.note})` : '';
  return {
    checkId: check.id,
    status: 'pass',
    evidence: [
      {
        status: 'pass',
        message: `Attested by ${by}, valid until ${day(expiresAt)}: ${
          latest.evidenceUrl
        }${note}`,
      },
    ],
  };
}

/**
 * The exemption in force for a check and entity at `now`: granted, not yet
 * expired and not revoked. The latest grant wins.
 *
 * @public
 */
export function activeExemption(
  checkId: string,
  exemptions: ReadonlyArray<Exemption>,
  context: RecordContext,
): Exemption | undefined {
  const now = context.now.getTime();
  return relevant(exemptions, checkId, context, e => time(e.grantedAt)).find(
    e => time(e.expiresAt) > now && !(time(e.revokedAt) <= now),
  );
}

/**
 * Turns a computed result into `exempt` when an exemption is in force. The
 * computed status is kept in `computedStatus` and stated in the first
 * evidence entry, followed by the computed evidence.
 *
 * @public
 */
export function applyExemption(
  computed: CheckResult,
  exemptions: ReadonlyArray<Exemption>,
  context: RecordContext,
): CheckResult {
  const exemption = activeExemption(computed.checkId, exemptions, context);
  if (!exemption) return computed;
  return {
    checkId: computed.checkId,
    status: 'exempt',
    computedStatus: computed.status,
    evidence: [
      {
        status: 'exempt',
        message: `Exempted by ${exemption.grantedBy} until ${day(
          time(exemption.expiresAt),
        )}: ${exemption.reason} (computed status: ${computed.status})`,
      },
      ...computed.evidence,
    ],
  };
}
