import { parseEntityRef } from '@backstage/catalog-model';
import { isRelativeTime } from '@readiness/backstage-plugin-readiness-common';
import { z } from 'zod';

/** An ISO 8601 timestamp, or a time relative to the import such as `T-80d`. */
const time = z
  .string()
  .refine(v => isRelativeTime(v) || !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO 8601 timestamp or a relative time such as T-80d',
  });

const entityRef = (kind?: string) =>
  z.string().refine(
    v => {
      try {
        const ref = parseEntityRef(v);
        return !kind || ref.kind.toLocaleLowerCase('en-US') === kind;
      } catch {
        return false;
      }
    },
    {
      message: kind
        ? `must be a ${kind} entity ref such as ${kind}:default/alice`
        : 'must be an entity ref such as component:default/payments-api',
    },
  );

const attestationEntry = z
  .object({
    entityRef: entityRef(),
    checkId: z.string().min(1),
    attestedBy: entityRef('user'),
    attestedAt: time,
    /** Defaults to attestedAt plus the check's default expiry. */
    expiresAt: time.optional(),
    evidenceUrl: z.string().url(),
    note: z.string().optional(),
    notApplicableReason: z.string().min(1).optional(),
  })
  .strict();

const exemptionEntry = z
  .object({
    entityRef: entityRef(),
    checkId: z.string().min(1),
    grantedBy: entityRef('user'),
    grantedAt: time,
    expiresAt: time,
    reason: z.string().min(1),
  })
  .strict();

/** A record import file: attestations and exemptions to add once. */
export const recordImportFileSchema = z
  .object({
    attestations: z.array(attestationEntry).default([]),
    exemptions: z.array(exemptionEntry).default([]),
  })
  .strict();

export type AttestationEntry = z.infer<typeof attestationEntry>;
export type ExemptionEntry = z.infer<typeof exemptionEntry>;
