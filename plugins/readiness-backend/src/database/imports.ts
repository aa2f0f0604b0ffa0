import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { chunks } from './filters';
import { TABLES, attestationToRow, exemptionToRow } from './mappers';
import { ImportedRecords, ImportOutcome } from './ReadinessStore';

/**
 * Inserts imported attestations and exemptions whose import key is not
 * stored yet. The unique index on `import_key` makes concurrent imports by
 * several replicas insert each entry once. Called only by
 * {@link DatabaseReadinessStore}.
 */
export async function importRecords(
  db: Knex,
  records: ImportedRecords,
): Promise<ImportOutcome> {
  const entityRefs = new Set<string>();
  const insertNew = async (
    table: string,
    rows: Array<{ import_key: string; entity_ref: string }>,
  ): Promise<number> => {
    let added = 0;
    for (const batch of chunks(rows)) {
      const present = new Set(
        await db(table)
          .whereIn(
            'import_key',
            batch.map(r => r.import_key),
          )
          .pluck('import_key'),
      );
      const missing = batch.filter(r => !present.has(r.import_key));
      if (missing.length > 0) {
        await db(table).insert(missing).onConflict('import_key').ignore();
        added += missing.length;
        missing.forEach(r => entityRefs.add(r.entity_ref));
      }
    }
    return added;
  };
  return {
    attestations: await insertNew(
      TABLES.attestations,
      records.attestations.map(({ importKey, ...record }) => ({
        ...attestationToRow(randomUUID(), record),
        import_key: importKey,
      })),
    ),
    exemptions: await insertNew(
      TABLES.exemptions,
      records.exemptions.map(({ importKey, ...record }) => ({
        ...exemptionToRow(randomUUID(), record),
        import_key: importKey,
      })),
    ),
    entityRefs: [...entityRefs].sort(),
  };
}
