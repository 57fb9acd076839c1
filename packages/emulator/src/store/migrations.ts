/**
 * The emulator's schema, applied in order and recorded in `emulator_migrations`, so a data dir created by an older
 * version is upgraded in place and never recreated.
 *
 * Timestamps are ISO 8601 UTC text: they sort correctly as text and come back byte-for-byte as they went in, which
 * keeps the PostgreSQL and memory stores identical.
 */
import type { SqlClient } from './sql-client.ts';

const MIGRATIONS: readonly string[] = [
  `
  create extension if not exists pg_trgm;

  create table organisations (
    id text primary key,
    name text not null,
    plan text not null check (plan in ('sandbox', 'starter', 'pro', 'team', 'enterprise')),
    region text not null,
    created_at text not null
  );

  create table api_keys (
    id text primary key,
    organisation_id text not null references organisations (id),
    environment text not null check (environment in ('test', 'live')),
    key_hash text not null unique,
    hint text not null,
    scopes text[] not null,
    shard text,
    created_at text not null,
    expires_at text,
    revoked_at text
  );
  create index api_keys_by_organisation on api_keys (organisation_id);

  create table resources (
    datastore text not null,
    resource_type text not null,
    id text not null,
    tenant text not null,
    version integer not null,
    last_updated text not null,
    body jsonb not null,
    -- Derived from body on every write, so searches never parse JSON.
    name_text text not null default '',
    name_sort text not null default '',
    primary key (datastore, resource_type, id)
  );
  -- The default patient order, walked in index order for each page.
  create index resources_by_name on resources (datastore, resource_type, tenant, name_sort collate "C", id);
  -- Partial name matches ("ann" finds "Joanna") without a sequential scan.
  create index resources_name_trgm on resources using gin (name_text gin_trgm_ops);
  `,
];

export async function migrate(client: SqlClient): Promise<void> {
  await client.exec('create table if not exists emulator_migrations (version integer primary key, applied_at text not null)');
  const { rows } = await client.query<{ version: number }>('select coalesce(max(version), 0) as version from emulator_migrations');
  const applied = rows[0]?.version ?? 0;
  for (let index = applied; index < MIGRATIONS.length; index++) {
    await client.transaction(async (tx) => {
      await tx.exec(MIGRATIONS[index] as string);
      await tx.query('insert into emulator_migrations (version, applied_at) values ($1, $2)', [
        index + 1,
        new Date().toISOString(),
      ]);
    });
  }
}
