import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  resolveRelativeTimes,
  Scorecard,
} from '@readiness/backstage-plugin-readiness-common';
import { parse as parseYaml } from 'yaml';
import { ImportedRecords } from '../database/ReadinessStore';
import {
  attestationExpiry,
  exemptionExpiry,
  findCheck,
} from '../service/records';
import { recordImportFileSchema } from './recordImportSchema';

/** A record import file that cannot be used; the message names file, entry, check and field. */
export class RecordImportError extends Error {
  name = 'RecordImportError';
}

/** Stable across restarts: the entry as written, before relative times are resolved. */
function importKey(kind: string, entry: object): string {
  const sorted = Object.fromEntries(Object.entries(entry).sort());
  return createHash('sha256')
    .update(JSON.stringify([kind, sorted]))
    .digest('hex');
}

const normalizeRef = (ref: string) => stringifyEntityRef(parseEntityRef(ref));

/**
 * Reads the files of `readiness.recordImports` (paths relative to the working
 * directory): attestations and exemptions recorded elsewhere, such as a
 * spreadsheet of past reviews or the demo organisation's. Times may be ISO
 * timestamps or relative to `now` (`T-80d`). Every entry is checked against
 * the scorecards with the same rules as the REST API; the first problem
 * throws a {@link RecordImportError} naming the file, the entry, the check
 * and the field.
 */
export async function loadRecordImports(options: {
  config: Config;
  scorecards: Scorecard[];
  now: Date;
  workingDirectory?: string;
}): Promise<ImportedRecords> {
  const { config, scorecards, now } = options;
  const cwd = options.workingDirectory ?? process.cwd();
  const records: ImportedRecords = { attestations: [], exemptions: [] };
  const entries = config.getOptionalConfigArray('readiness.recordImports');
  for (const [index, entry] of (entries ?? []).entries()) {
    const file = resolve(cwd, entry.getString('file'));
    const fail = (where: string, message: string): never => {
      throw new RecordImportError(
        `Invalid record import ${file}${where ? `: ${where}` : ''}: ${message}`,
      );
    };
    let document: unknown;
    try {
      document = parseYaml(await readFile(file, 'utf8'), {
        maxAliasCount: 100,
      });
    } catch (e) {
      fail(
        '',
        `cannot be read or parsed (named in app-config readiness.recordImports[${index}].file): ${
          (e as Error).message
        }`,
      );
    }
    const parsed = recordImportFileSchema.safeParse(document ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const [list, position, ...field] = issue.path;
      const raw = (document as any)?.[list]?.[position];
      const where =
        typeof position === 'number'
          ? `${String(list)}[${position}]${
              raw?.checkId ? ` (check ${raw.checkId})` : ''
            }`
          : '';
      return fail(
        where,
        `${field.join('.') || issue.path.join('.') || 'document'}: ${
          issue.message
        }`,
      );
    }
    const checked = <T>(where: string, fn: () => T): T => {
      try {
        return fn();
      } catch (e) {
        return fail(where, (e as Error).message);
      }
    };
    parsed.data.attestations.forEach((written, i) => {
      const where = `attestations[${i}] (check ${written.checkId})`;
      const entryNow = resolveRelativeTimes(written, now);
      const check = checked(where, () =>
        findCheck(scorecards, written.checkId),
      );
      const attestedAt = new Date(entryNow.attestedAt);
      const expiresAt = checked(where, () =>
        attestationExpiry(check, entryNow.expiresAt, attestedAt),
      );
      records.attestations.push({
        importKey: importKey('attestation', written),
        entityRef: normalizeRef(written.entityRef),
        checkId: check.id,
        attestedBy: normalizeRef(written.attestedBy),
        attestedAt: attestedAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
        evidenceUrl: written.evidenceUrl,
        note: written.note,
        notApplicableReason: written.notApplicableReason,
      });
    });
    parsed.data.exemptions.forEach((written, i) => {
      const where = `exemptions[${i}] (check ${written.checkId})`;
      const entryNow = resolveRelativeTimes(written, now);
      const check = checked(where, () =>
        findCheck(scorecards, written.checkId),
      );
      const grantedAt = new Date(entryNow.grantedAt);
      const expiresAt = checked(where, () =>
        exemptionExpiry(entryNow.expiresAt, grantedAt),
      );
      if (expiresAt <= grantedAt) {
        fail(where, 'expiresAt: must be later than grantedAt');
      }
      records.exemptions.push({
        importKey: importKey('exemption', written),
        entityRef: normalizeRef(written.entityRef),
        checkId: check.id,
        grantedBy: normalizeRef(written.grantedBy),
        grantedAt: grantedAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
        reason: written.reason,
      });
    });
  }
  return records;
}
