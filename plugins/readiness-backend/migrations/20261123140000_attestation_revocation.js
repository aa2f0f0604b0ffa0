// @ts-check

/**
 * Attestations can be revoked: the revocation is recorded on the record (who
 * and when), the record itself is never deleted or changed otherwise, like
 * exemptions.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_attestations', table => {
    table
      .string('revoked_by', 255)
      .nullable()
      .comment('User entity ref of who revoked it');
    table
      .timestamp('revoked_at', { useTz: true })
      .nullable()
      .comment('When it was revoked; null while it counts');
  });
};

/**
 * Drops the revocation columns; revocations recorded so far are lost.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_attestations', table => {
    table.dropColumn('revoked_by');
    table.dropColumn('revoked_at');
  });
};
