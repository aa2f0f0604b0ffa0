// @ts-check

/**
 * The Readiness schema: latest facts, results, denormalised entity scores,
 * daily history, attestations, exemptions and the refresh work table.
 * Timestamps are written by knex from Dates (timestamptz on PostgreSQL, epoch
 * milliseconds on SQLite); days are 'YYYY-MM-DD' strings in UTC.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_facts', table => {
    table.comment('Latest facts per entity and source');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref, e.g. component:default/payments-api');
    table
      .string('source', 64)
      .notNullable()
      .comment('Fact provider id, e.g. kubernetes');
    table
      .text('data')
      .nullable()
      .comment('JSON facts of the last successful collection');
    table
      .string('content_hash', 64)
      .nullable()
      .comment('SHA-256 of data; unchanged facts are not rewritten');
    table
      .timestamp('collected_at', { useTz: true })
      .nullable()
      .comment('When data was last collected successfully');
    table
      .timestamp('attempted_at', { useTz: true })
      .notNullable()
      .comment('When collection was last attempted');
    table
      .text('error')
      .nullable()
      .comment('Why the last attempt failed; null when it succeeded');
    table.primary(['entity_ref', 'source']);
    table.index(['source', 'attempted_at'], 'readiness_facts_source_idx');
  });

  await knex.schema.createTable('readiness_results', table => {
    table.comment('Latest result per entity, scorecard and check');
    table.string('entity_ref', 255).notNullable().comment('Entity ref');
    table.string('scorecard_id', 64).notNullable().comment('Scorecard id');
    table.string('check_id', 128).notNullable().comment('Check id');
    table
      .string('status', 16)
      .notNullable()
      .comment('pass, fail, not-applicable, unknown or exempt');
    table
      .string('computed_status', 16)
      .nullable()
      .comment('For exempt results: the status computed before the exemption');
    table
      .string('source', 64)
      .notNullable()
      .comment(
        'Where the deciding facts came from, e.g. kubernetes or attestation',
      );
    table.text('evidence').notNullable().comment('JSON list of evidence items');
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When this result was computed');
    table.primary(['entity_ref', 'scorecard_id', 'check_id']);
    table.index(
      ['scorecard_id', 'check_id', 'status'],
      'readiness_results_check_status_idx',
    );
  });

  await knex.schema.createTable('readiness_entity_scores', table => {
    table.comment(
      'One row per entity and scorecard: what the overview queries',
    );
    table.string('entity_ref', 255).notNullable().comment('Entity ref');
    table.string('scorecard_id', 64).notNullable().comment('Scorecard id');
    table
      .string('level', 64)
      .nullable()
      .comment('Highest level reached; null for none');
    table
      .integer('level_rank')
      .notNullable()
      .comment('0 for none, 1 for the lowest level, ...');
    table
      .double('score')
      .nullable()
      .comment(
        '(pass + exempt) / (all - not-applicable), percent; null when every check is not applicable',
      );
    for (const status of [
      'pass',
      'fail',
      'not_applicable',
      'unknown',
      'exempt',
    ]) {
      table
        .integer(`${status}_count`)
        .notNullable()
        .comment(`Checks with status ${status}`);
    }
    table.string('kind', 64).notNullable().comment('Entity kind');
    table.string('type', 64).nullable().comment('spec.type');
    table.string('title', 255).nullable().comment('metadata.title or name');
    table.string('owner', 255).nullable().comment('Owner entity ref');
    table.string('system', 255).nullable().comment('System entity ref');
    table
      .string('domain', 255)
      .nullable()
      .comment('Domain entity ref of the system');
    table.string('lifecycle', 64).nullable().comment('spec.lifecycle');
    table.string('tier', 16).nullable().comment('Tier annotation value');
    table
      .string('input_hash', 64)
      .notNullable()
      .comment('Hash of facts, records and definition behind this row');
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the row was computed');
    table.primary(['entity_ref', 'scorecard_id']);
    for (const column of [
      'level',
      'owner',
      'system',
      'domain',
      'lifecycle',
      'tier',
      'kind',
    ]) {
      table.index(
        ['scorecard_id', column],
        `readiness_entity_scores_${column}_idx`,
      );
    }
  });

  await knex.schema.createTable('readiness_history', table => {
    table.comment('One row per entity, scorecard and day; trends read this');
    table.string('entity_ref', 255).notNullable().comment('Entity ref');
    table.string('scorecard_id', 64).notNullable().comment('Scorecard id');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.string('level', 64).nullable().comment('Level at the end of the day');
    table
      .integer('level_rank')
      .notNullable()
      .comment('0 for none, 1 for the lowest level, ...');
    table
      .double('score')
      .nullable()
      .comment(
        'Score at the end of the day, percent; null when not applicable',
      );
    table.primary(['entity_ref', 'scorecard_id', 'day']);
    table.index(['scorecard_id', 'day'], 'readiness_history_day_idx');
  });

  await knex.schema.createTable('readiness_attestations', table => {
    table.comment('Append-only attestations by owners; never updated');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref', 255).notNullable().comment('Entity ref');
    table.string('check_id', 128).notNullable().comment('Check id');
    table
      .string('attested_by', 255)
      .notNullable()
      .comment('User entity ref of the attester');
    table
      .timestamp('attested_at', { useTz: true })
      .notNullable()
      .comment('When it was recorded');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('When it stops counting');
    table.text('evidence_url').notNullable().comment('Link to the evidence');
    table.text('note').nullable().comment('Free text');
    table
      .text('not_applicable_reason')
      .nullable()
      .comment('Set when the owner attests the check does not apply: why');
    table.index(
      ['entity_ref', 'check_id'],
      'readiness_attestations_entity_idx',
    );
  });

  await knex.schema.createTable('readiness_exemptions', table => {
    table.comment(
      'Append-only exemptions granted with a reason; revocation is recorded, not deleted',
    );
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref', 255).notNullable().comment('Entity ref');
    table.string('check_id', 128).notNullable().comment('Check id');
    table
      .string('granted_by', 255)
      .notNullable()
      .comment('User entity ref of the grantor');
    table
      .timestamp('granted_at', { useTz: true })
      .notNullable()
      .comment('When it was granted');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('When the computed status comes back');
    table.text('reason').notNullable().comment('Why the check is waived');
    table
      .string('revoked_by', 255)
      .nullable()
      .comment('User entity ref of who revoked it');
    table
      .timestamp('revoked_at', { useTz: true })
      .nullable()
      .comment('When it was revoked; null while in force');
    table.index(['entity_ref', 'check_id'], 'readiness_exemptions_entity_idx');
  });

  await knex.schema.createTable('readiness_refresh_queue', table => {
    table.comment(
      'Refresh work: one row per entity, claimed in batches by backend replicas',
    );
    table.string('entity_ref', 255).primary().comment('Entity ref');
    table
      .timestamp('next_refresh_at', { useTz: true })
      .notNullable()
      .comment('When the entity is due');
    table
      .string('claimed_by', 255)
      .nullable()
      .comment('Replica id holding the claim');
    table
      .timestamp('claim_expires_at', { useTz: true })
      .nullable()
      .comment('When an unreleased claim may be taken over');
    table
      .timestamp('last_refreshed_at', { useTz: true })
      .nullable()
      .comment('End of the last completed refresh');
    table
      .text('last_error')
      .nullable()
      .comment('Error of the last refresh, if any');
    table
      .integer('failure_count')
      .notNullable()
      .defaultTo(0)
      .comment('Consecutive failures, for backoff');
    table.index(['next_refresh_at'], 'readiness_refresh_queue_due_idx');
    table.index(
      ['claimed_by', 'claim_expires_at'],
      'readiness_refresh_queue_claim_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'readiness_refresh_queue',
    'readiness_exemptions',
    'readiness_attestations',
    'readiness_history',
    'readiness_entity_scores',
    'readiness_results',
    'readiness_facts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
