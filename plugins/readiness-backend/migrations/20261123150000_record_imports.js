// @ts-check

/**
 * Attestations and exemptions imported from files (`readiness.recordImports`)
 * carry the key of the file entry they came from, so that every replica and
 * every restart imports each entry at most once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['readiness_attestations', 'readiness_exemptions']) {
    await knex.schema.alterTable(table, t => {
      t.string('import_key', 64)
        .nullable()
        .comment(
          'SHA-256 of the imported file entry; null when recorded through the API',
        );
      t.unique(['import_key'], { indexName: `${table}_import_key_idx` });
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of ['readiness_attestations', 'readiness_exemptions']) {
    await knex.schema.alterTable(table, t => {
      t.dropUnique(['import_key'], `${table}_import_key_idx`);
      t.dropColumn('import_key');
    });
  }
};
