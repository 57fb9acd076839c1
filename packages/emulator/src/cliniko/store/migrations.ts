/**
 * The Cliniko emulator's tables, beside (never inside) the ClinikAPI ones and with their own ledger, so the two
 * schemas evolve independently and one database can hold both.
 *
 * Records are JSON documents: a clinic is small (hundreds of patients), and one filter and sort implementation in
 * TypeScript (`query/*`) then serves every resource on PGlite and PostgreSQL alike. Ids are text end to end — 18-digit
 * ids do not survive a JavaScript number — and come from two sequences: short ones like older Cliniko records
 * (`"75335355"`) and 18-digit ones like newer records (`"836447129235883061"`).
 */
import type { SqlClient } from '../../store/sql-client.ts';

const MIGRATIONS: readonly string[] = [
  `
  create sequence cliniko_short_ids start with 1001;
  create sequence cliniko_long_ids start with 836447129235883061;

  create table cliniko_accounts (
    id text primary key,
    shard text not null,
    name text not null,
    subdomain text not null,
    time_zone text not null,
    country text not null,
    settings jsonb not null,
    created_at text not null
  );
  create index cliniko_accounts_by_shard on cliniko_accounts (shard);

  create table cliniko_keys (
    id text primary key,
    shard text not null,
    account_id text not null references cliniko_accounts (id),
    user_id text not null,
    key_hash text not null,
    hint text not null,
    created_at text not null,
    revoked_at text,
    unique (shard, key_hash)
  );

  create table cliniko_records (
    account_id text not null references cliniko_accounts (id),
    resource text not null,
    id text not null,
    body jsonb not null,
    primary key (account_id, resource, id)
  );
  -- Appointments, availabilities and blocks are read per practitioner for availability and conflicts.
  create index cliniko_records_by_practitioner on cliniko_records (account_id, resource, (body ->> 'practitioner_id'));
  `,
];

/** Any fixed number other than the ClinikAPI schema's: two processes never migrate one database at once. */
const MIGRATION_LOCK = 72_431_002;

export async function migrateCliniko(client: SqlClient): Promise<void> {
  await client.exec('create table if not exists cliniko_migrations (version integer primary key, applied_at text not null)');
  for (let index = 0; index < MIGRATIONS.length; index++) {
    await client.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query<{ version: number }>('select coalesce(max(version), 0) as version from cliniko_migrations');
      if ((rows[0]?.version ?? 0) > index) return;
      await tx.exec(MIGRATIONS[index] as string);
      await tx.query('insert into cliniko_migrations (version, applied_at) values ($1, $2)', [index + 1, new Date().toISOString()]);
    });
  }
}
