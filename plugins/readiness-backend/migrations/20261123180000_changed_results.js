// @ts-check

/**
 * Results are written only when they change. A result row's time becomes the
 * time it took its current status and evidence (`changed_at`); the time of
 * the evaluation lives on the score row. The score row keeps the hash of the
 * results it stands for, so an evaluation that produced the same results
 * writes none, and the hash of the scorecard definition it was evaluated
 * with, so a changed definition finds the entities to re-score.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_results', table => {
    table.renameColumn('evaluated_at', 'changed_at');
  });
  await knex.schema.alterTable('readiness_entity_scores', table => {
    table
      .string('results_hash', 64)
      .nullable()
      .comment('Hash of the stored results of the entity and scorecard');
    table
      .string('definition_hash', 64)
      .nullable()
      .comment('Hash of the scorecard definition of the last evaluation');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_entity_scores', table => {
    table.dropColumn('results_hash');
    table.dropColumn('definition_hash');
  });
  await knex.schema.alterTable('readiness_results', table => {
    table.renameColumn('changed_at', 'evaluated_at');
  });
};
