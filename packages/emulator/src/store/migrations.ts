/**
 * The emulator's schema, applied in order and recorded in `emulator_migrations`, so a data dir created by an older
 * version is upgraded in place and never recreated.
 *
 * Timestamps are ISO 8601 UTC text: they sort correctly as text and come back byte-for-byte as they went in, which
 * keeps the PostgreSQL and memory stores identical.
 */
import { indexKeysOf } from '../search/index-keys.ts';
import type { Resource } from '@clinikapi/core';
import type { SqlClient } from './sql-client.ts';

/** A step of the schema: SQL, or code for what SQL cannot compute (index keys derived in TypeScript). */
type Migration = string | ((tx: SqlClient) => Promise<void>);

const MIGRATIONS: readonly Migration[] = [
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
  // Search over all 62 paths: index keys computed by `search/index-keys.ts`, and ids unique per tenant so that one
  // organisation can never learn (through a conflict) that an id exists in another.
  `
  alter table resources
    add column patient_id text,
    add column date_key text,
    add column tokens text[] not null default '{}';
  alter table resources drop constraint resources_pkey;
  alter table resources add primary key (datastore, resource_type, tenant, id);
  create index resources_by_patient on resources (datastore, tenant, patient_id) where patient_id is not null;
  create index resources_by_date on resources (datastore, resource_type, tenant, date_key collate "C", id collate "C");
  create index resources_by_updated on resources (datastore, resource_type, tenant, last_updated collate "C", id collate "C");
  create index resources_tokens on resources using gin (tokens);

  create table idempotency_keys (
    datastore text not null,
    tenant text not null,
    key text not null,
    fingerprint text not null,
    created_at text not null,
    response jsonb not null,
    primary key (datastore, tenant, key)
  );

  create table bulk_jobs (
    id text primary key,
    datastore text not null,
    tenant text not null,
    type text not null check (type in ('import', 'export')),
    status text not null,
    total_records integer not null,
    processed_records integer not null,
    errors jsonb not null,
    output text,
    created_at text not null
  );
  `,
  reindexResources,
  // The passthrough's common FHIR parameters (code, category, status, type, identifier) joined the index keys.
  reindexResources,
  // GIN's fast-update pending list (4 MB by default) is scanned in full by every search until it is flushed, which
  // dominated name searches; migration 7 keeps it, but small.
  `
  alter index resources_name_trgm set (fastupdate = off);
  alter index resources_tokens set (fastupdate = off);
  select gin_clean_pending_list('resources_name_trgm'::regclass);
  select gin_clean_pending_list('resources_tokens'::regclass);
  `,
  `alter table organisations add column overage_billing boolean not null default false;`,
  // Measured at 100,000 patients: a small pending list (at most 64 kB for a search to scan) loads three times faster
  // than writing every entry straight into the index, and searches just as fast.
  `
  alter index resources_name_trgm set (fastupdate = on, gin_pending_list_limit = 64);
  alter index resources_tokens set (fastupdate = on, gin_pending_list_limit = 64);
  `,
  // Webhooks: sub-organisations, the endpoints organisations register, and the delivery queue (also its log).
  `
  alter table organisations add column parent_id text references organisations (id);

  create table webhooks (
    id text primary key,
    organisation_id text not null references organisations (id),
    url text not null,
    secret text not null,
    events text[] not null,
    environment text not null check (environment in ('live', 'test', 'both')),
    sub_organisation_id text references organisations (id),
    created_at text not null
  );
  create index webhooks_by_organisation on webhooks (organisation_id);

  create table webhook_deliveries (
    id text primary key,
    webhook_id text not null references webhooks (id) on delete cascade,
    event_id text not null,
    event text not null,
    payload text not null,
    status text not null check (status in ('pending', 'delivered', 'failed', 'refused')),
    attempts integer not null,
    next_attempt_at text,
    last_status integer,
    last_error text,
    created_at text not null,
    updated_at text not null
  );
  create index webhook_deliveries_due on webhook_deliveries (next_attempt_at collate "C") where status = 'pending';
  create index webhook_deliveries_by_webhook on webhook_deliveries (webhook_id, created_at collate "C");
  `,
  // Names are folded (no accents) for the `name` search: "Zoe" finds "Zoë".
  reindexResources,
];

/** Any fixed number: the advisory lock that keeps two processes on one server from migrating at once. */
const MIGRATION_LOCK = 72_431_001;

export async function migrate(client: SqlClient): Promise<void> {
  await client.exec('create table if not exists emulator_migrations (version integer primary key, applied_at text not null)');
  for (let index = 0; index < MIGRATIONS.length; index++) {
    await client.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query<{ version: number }>('select coalesce(max(version), 0) as version from emulator_migrations');
      if ((rows[0]?.version ?? 0) > index) return;
      const migration = MIGRATIONS[index] as Migration;
      if (typeof migration === 'string') await tx.exec(migration);
      else await migration(tx);
      await tx.query('insert into emulator_migrations (version, applied_at) values ($1, $2)', [index + 1, new Date().toISOString()]);
    });
  }
}

/** Recomputes the index columns of every stored record, in batches. */
async function reindexResources(tx: SqlClient): Promise<void> {
  const batch = 500;
  for (let offset = 0; ; offset += batch) {
    const { rows } = await tx.query<{ datastore: string; resource_type: string; tenant: string; id: string; body: Resource | string }>(
      'select datastore, resource_type, tenant, id, body from resources order by datastore, resource_type, tenant, id limit $1 offset $2',
      [batch, offset],
    );
    for (const row of rows) {
      const keys = indexKeysOf(typeof row.body === 'string' ? (JSON.parse(row.body) as Resource) : row.body);
      await tx.query(
        `update resources set patient_id = $5, date_key = $6, tokens = $7, name_text = $8, name_sort = $9
          where datastore = $1 and resource_type = $2 and tenant = $3 and id = $4`,
        [row.datastore, row.resource_type, row.tenant, row.id, keys.patientId, keys.dateKey, keys.tokens, keys.nameText, keys.nameSort],
      );
    }
    if (rows.length < batch) return;
  }
}
