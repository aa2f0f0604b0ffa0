/*
 * Direct looks into the bench databases: sizes, rows per table, the days of
 * history, dropping the bench databases before a run, and making every queued
 * entity due (what the passing of the refresh interval does).
 */
const fs = require('node:fs');
const path = require('node:path');
const knexFactory = require('knex');

const PG = {
  host: '127.0.0.1',
  port: 5432,
  user: 'postgres',
  password: 'postgres',
};

function connect(db, { workDir, prefix }, plugin) {
  if (db === 'pg') {
    return knexFactory({
      client: 'pg',
      connection: { ...PG, database: `${prefix}${plugin}` },
      pool: { min: 0, max: 2 },
    });
  }
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(workDir, 'sqlite', `${plugin}.sqlite`) },
    useNullAsDefault: true,
    pool: { min: 0, max: 1 },
  });
}

function admin() {
  return knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
}

/** Drops every database whose name starts with `prefix` (the bench's own). */
async function dropPgDatabases(prefix) {
  if (!/^[a-z0-9_]+_$/.test(prefix)) throw new Error(`unsafe prefix ${prefix}`);
  const k = admin();
  try {
    const rows = (await k.raw('select datname from pg_database')).rows.filter(
      r => r.datname.startsWith(prefix),
    );
    for (const { datname } of rows) {
      await k.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await k.destroy();
  }
}

async function pgDatabaseExists(name) {
  const k = admin();
  try {
    return (
      (await k.raw('select 1 from pg_database where datname = ?', [name])).rows
        .length > 0
    );
  } finally {
    await k.destroy();
  }
}

/** `create database <to> template <from>` (the source must have no connections). */
async function copyPgDatabase(from, to) {
  const k = admin();
  try {
    await k.raw('drop database if exists ?? with (force)', [to]);
    await k.raw('create database ?? template ??', [to, from]);
  } finally {
    await k.destroy();
  }
}

async function tableNames(k, db, like) {
  if (db === 'pg') {
    return (
      await k.raw(
        "select tablename from pg_tables where schemaname = 'public' and tablename like ? order by 1",
        [like],
      )
    ).rows.map(r => r.tablename);
  }
  return (
    await k.raw(
      "select name from sqlite_master where type = 'table' and name like ? order by 1",
      [like],
    )
  ).map(r => r.name);
}

const mb = bytes => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Bytes on disk of a table with its indexes (and, on PostgreSQL, its TOAST). */
async function tableBytes(k, db, table) {
  if (db === 'pg') {
    return Number(
      (await k.raw('select pg_total_relation_size(?) as b', [table])).rows[0].b,
    );
  }
  const r = await k.raw(
    'select sum(s.pgsize) as b from dbstat s join sqlite_master m on m.name = s.name where m.tbl_name = ?',
    [table],
  );
  return Number(r[0].b ?? 0);
}

/**
 * Size of a plugin's database in MB, and the row count and size (with its
 * indexes, dead rows included) of each of its tables matching `like`.
 */
async function databaseReport(db, opts, plugin, like) {
  const k = connect(db, opts, plugin);
  try {
    const rows = {};
    const tableSizesMb = {};
    for (const t of await tableNames(k, db, like)) {
      const r = await k(t).count({ n: '*' });
      rows[t] = Number(r[0].n);
      tableSizesMb[t] = mb(await tableBytes(k, db, t));
    }
    let bytes;
    if (db === 'pg') {
      bytes = Number(
        (await k.raw('select pg_database_size(current_database()) as b'))
          .rows[0].b,
      );
    } else {
      const file = path.join(opts.workDir, 'sqlite', `${plugin}.sqlite`);
      bytes = [file, `${file}-wal`]
        .filter(f => fs.existsSync(f))
        .reduce((n, f) => n + fs.statSync(f).size, 0);
    }
    return { sizeMb: mb(bytes), rows, tableSizesMb };
  } finally {
    await k.destroy();
  }
}

/** How many distinct days the Readiness history covers. */
async function historyDays(db, opts) {
  const k = connect(db, opts, 'readiness');
  try {
    const r = await k('readiness_history').countDistinct({ n: 'day' });
    return Number(r[0].n);
  } finally {
    await k.destroy();
  }
}

/** Makes every queued entity due now. */
async function makeAllDue(db, opts) {
  const k = connect(db, opts, 'readiness');
  try {
    await k('readiness_refresh_queue').update({
      next_refresh_at: db === 'pg' ? k.raw("'epoch'::timestamptz") : 0,
    });
  } finally {
    await k.destroy();
  }
}

/**
 * Score rows per definition hash they were evaluated with (one hash once
 * every entity has been re-scored) and per level.
 */
async function scoreDefinitions(db, opts) {
  const k = connect(db, opts, 'readiness');
  try {
    const count = async column =>
      Object.fromEntries(
        (
          await k('readiness_entity_scores')
            .select(column)
            .count({ n: '*' })
            .groupBy(column)
        ).map(r => [r[column]?.slice(0, 12) ?? 'none', Number(r.n)]),
      );
    return {
      definitions: await count('definition_hash'),
      levels: await count('level'),
    };
  } finally {
    await k.destroy();
  }
}

/** Rows that still name one of `refs`, per table. */
async function rowsOf(db, opts, refs) {
  const k = connect(db, opts, 'readiness');
  try {
    const out = {};
    for (const t of await tableNames(k, db, 'readiness_%')) {
      const cols =
        db === 'pg'
          ? (
              await k.raw(
                'select column_name from information_schema.columns where table_name = ?',
                [t],
              )
            ).rows.map(r => r.column_name)
          : (await k.raw(`pragma table_info(${t})`)).map(r => r.name);
      if (!cols.includes('entity_ref')) continue;
      let n = 0;
      for (let i = 0; i < refs.length; i += 500) {
        const r = await k(t)
          .whereIn('entity_ref', refs.slice(i, i + 500))
          .count({ n: '*' });
        n += Number(r[0].n);
      }
      out[t] = n;
    }
    return out;
  } finally {
    await k.destroy();
  }
}

/**
 * PostgreSQL: VACUUM the Readiness tables, so that the space of rows updated
 * or deleted is reused, as autovacuum does in the course of a day (the test
 * server runs with `autovacuum = off`). Returns the server's setting.
 */
async function pgVacuum(opts) {
  const k = connect('pg', opts, 'readiness');
  try {
    for (const t of await tableNames(k, 'pg', 'readiness_%')) {
      await k.raw('vacuum ??', [t]);
    }
    return (await k.raw('show autovacuum')).rows[0].autovacuum;
  } finally {
    await k.destroy();
  }
}

/** PostgreSQL: turn planner statistics collection off (fresh install) or ANALYZE and back on. */
async function pgStatistics(opts, mode) {
  const k = connect('pg', opts, 'readiness');
  try {
    const tables = await tableNames(k, 'pg', 'readiness_%');
    for (const t of tables) {
      if (mode === 'off') {
        await k.raw('alter table ?? set (autovacuum_enabled = false)', [t]);
      } else {
        await k.raw('alter table ?? reset (autovacuum_enabled)', [t]);
        await k.raw('analyze ??', [t]);
      }
    }
    const analyzed = (
      await k.raw(
        "select count(*)::int as n from pg_stat_user_tables where relname like 'readiness_%' and (last_analyze is not null or last_autoanalyze is not null)",
      )
    ).rows[0].n;
    return { tables: tables.length, analyzed };
  } finally {
    await k.destroy();
  }
}

module.exports = {
  scoreDefinitions,
  connect,
  dropPgDatabases,
  pgDatabaseExists,
  copyPgDatabase,
  databaseReport,
  makeAllDue,
  rowsOf,
  pgStatistics,
  pgVacuum,
  historyDays,
};
