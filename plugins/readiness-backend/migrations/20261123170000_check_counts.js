// @ts-check

/**
 * The number of entities per scorecard, check and status, kept up to date in
 * the transaction that writes or deletes an entity's results, so that the
 * org-wide overview reads at most a few hundred rows instead of aggregating
 * every result (a million rows at 10,000 entities and 100 checks).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_check_counts', table => {
    table.comment(
      'Entities per scorecard, check and status: the org-wide overview reads it instead of aggregating readiness_results',
    );
    table.string('scorecard_id', 64).notNullable().comment('Scorecard id');
    table.string('check_id', 128).notNullable().comment('Check id');
    table
      .string('status', 16)
      .notNullable()
      .comment('pass, fail, not-applicable, unknown or exempt');
    table
      .integer('entities')
      .notNullable()
      .comment('Entities whose latest result of the check has this status');
    table.primary(['scorecard_id', 'check_id', 'status']);
  });
  await knex.raw(
    `insert into readiness_check_counts (scorecard_id, check_id, status, entities)
     select scorecard_id, check_id, status, count(*)
     from readiness_results group by scorecard_id, check_id, status`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_check_counts');
};
