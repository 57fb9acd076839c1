/** The PostgreSQL store, over any `SqlClient`: embedded PGlite by default, a real server with `DATABASE_URL`. */
import { indexKeysOf } from '../search/index-keys.ts';
import { migrate } from './migrations.ts';
import type { SqlClient } from './sql-client.ts';
import {
  JOB_COLUMNS,
  KEY_COLUMNS,
  RESOURCE_COLUMNS,
  RESOURCE_WRITE_COLUMNS,
  jobValues,
  placeholders,
  resourceValues,
  toJob,
  toKey,
  toOrganisation,
  toResource,
  toResponse,
  type JobRow,
  type KeyRow,
  type OrganisationRow,
  type ResourceRow,
} from './sql-rows.ts';
import { pageQuery, whereOf } from './sql-search.ts';
import { sqlWebhookStore } from './sql-webhooks.ts';
import type { EmulatorStore, InsertOptions, InsertOutcome, ResourceKey, StoredResource, StoredResponse, WriteOutcome } from './types.ts';

/** Rows per multi-row insert: 12 parameters each stays far below PostgreSQL's 65,535 parameter limit. */
const INSERT_BATCH = 400;
const RESOURCE_WIDTH = 12;

async function insertInTransaction(tx: SqlClient, resources: readonly StoredResource[], options: InsertOptions): Promise<InsertOutcome> {
  const claim = options.idempotency;
  if (claim) {
    const scope = [claim.datastore, claim.tenant, claim.key];
    await tx.query('delete from idempotency_keys where datastore = $1 and tenant = $2 and key = $3 and created_at < $4', [
      ...scope,
      claim.reusableBefore,
    ]);
    // A concurrent request with the same key waits here on the primary key until the first one commits or rolls
    // back: then this insert either does nothing (and the first response is replayed) or goes ahead.
    const { rows } = await tx.query<{ key: string }>(
      `insert into idempotency_keys (datastore, tenant, key, fingerprint, created_at, response)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning key`,
      [...scope, claim.fingerprint, claim.createdAt, JSON.stringify(claim.response)],
    );
    if (rows.length === 0) {
      const { rows: earlier } = await tx.query<{ fingerprint: string; response: StoredResponse | string }>(
        'select fingerprint, response from idempotency_keys where datastore = $1 and tenant = $2 and key = $3',
        scope,
      );
      const first = earlier[0];
      if (first && first.fingerprint === claim.fingerprint) return { kind: 'replay', response: toResponse(first.response) };
      return { kind: 'idempotency-conflict' };
    }
  }
  const inserted = new Set<string>();
  for (let start = 0; start < resources.length; start += INSERT_BATCH) {
    const batch = resources.slice(start, start + INSERT_BATCH);
    const { rows } = await tx.query<{ id: string }>(
      `insert into resources (${RESOURCE_WRITE_COLUMNS}) values ${placeholders(batch.length, RESOURCE_WIDTH)}
       ${options.skipExisting ? 'on conflict do nothing' : ''} returning id`,
      batch.flatMap(resourceValues),
    );
    for (const row of rows) inserted.add(row.id);
  }
  return { kind: 'ok', skipped: resources.map((resource) => resource.id).filter((id) => !inserted.has(id)) };
}

/**
 * PGlite has no autovacuum, so nothing would ever refresh the planner's statistics: a table that grew from empty to
 * 100,000 rows would still be planned as empty (sequential scans instead of the name index). The store analyses the
 * table itself once writes have grown it by a fifth (at least 500 rows), in the background.
 */
function createAnalyzer(client: SqlClient): { wrote(rows: number): void } {
  let rowsAtLastAnalyze = 0;
  let written = 0;
  let running = false;
  return {
    wrote(rows) {
      written += rows;
      if (running || written < Math.max(500, rowsAtLastAnalyze * 0.2)) return;
      running = true;
      const estimate = rowsAtLastAnalyze + written;
      written = 0;
      client
        .exec('analyze resources')
        .then(() => {
          rowsAtLastAnalyze = estimate;
        })
        // Statistics are an optimisation: a failed analyse (the store closing under it) changes no answer.
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    },
  };
}

export async function createSqlStore(client: SqlClient): Promise<EmulatorStore> {
  await migrate(client);
  await client.exec('analyze resources');
  const analyzer = createAnalyzer(client);

  const keyParams = (key: ResourceKey): unknown[] => [key.datastore, key.resourceType, key.tenant, key.id];
  const KEY_WHERE = 'datastore = $1 and resource_type = $2 and tenant = $3 and id = $4';

  const readResource = async (key: ResourceKey): Promise<StoredResource | undefined> => {
    const { rows } = await client.query<ResourceRow>(`select ${RESOURCE_COLUMNS} from resources where ${KEY_WHERE}`, keyParams(key));
    return rows[0] && toResource(rows[0]);
  };

  /** After a conditional write matched nothing: was the record gone, or changed? */
  const missOutcome = async (key: ResourceKey): Promise<WriteOutcome> => {
    const stored = await readResource(key);
    return stored ? { kind: 'version-conflict', currentVersion: stored.version } : { kind: 'not-found' };
  };

  return {
    ...sqlWebhookStore(client),
    async createOrganisation(organisation) {
      await client.query(
        'insert into organisations (id, name, plan, region, overage_billing, parent_id, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
        [
          organisation.id,
          organisation.name,
          organisation.plan,
          organisation.region,
          organisation.overageBilling ?? false,
          organisation.parentId ?? null,
          organisation.createdAt,
        ],
      );
    },
    async findOrganisation(id) {
      const { rows } = await client.query<OrganisationRow>('select * from organisations where id = $1', [id]);
      return rows[0] && toOrganisation(rows[0]);
    },
    async listOrganisations() {
      const { rows } = await client.query<OrganisationRow>('select * from organisations order by id collate "C"');
      return rows.map(toOrganisation);
    },

    async insertKey(key) {
      await client.query(`insert into api_keys (${KEY_COLUMNS}) values ${placeholders(1, 10)}`, [
        key.id,
        key.organisationId,
        key.environment,
        key.keyHash,
        key.hint,
        key.scopes,
        key.shard,
        key.createdAt,
        key.expiresAt,
        key.revokedAt,
      ]);
    },
    async findKeyByHash(keyHash) {
      const { rows } = await client.query<KeyRow & { org: OrganisationRow }>(
        `select ${KEY_COLUMNS.split(', ')
          .map((column) => `k.${column}`)
          .join(', ')}, row_to_json(o) as org
           from api_keys k join organisations o on o.id = k.organisation_id
          where k.key_hash = $1`,
        [keyHash],
      );
      const row = rows[0];
      return row && { key: toKey(row), organisation: toOrganisation(row.org) };
    },
    async listKeys(organisationId) {
      const { rows } = await client.query<KeyRow>(
        `select ${KEY_COLUMNS} from api_keys where organisation_id = $1 order by created_at collate "C", id collate "C"`,
        [organisationId],
      );
      return rows.map(toKey);
    },
    async revokeKey(id, at) {
      const { rows } = await client.query<{ id: string }>(
        'update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1 returning id',
        [id, at],
      );
      return rows.length > 0;
    },

    async insertResources(resources, options = {}) {
      const outcome = await client.transaction((tx) => insertInTransaction(tx, resources, options));
      if (outcome.kind === 'ok') analyzer.wrote(resources.length - outcome.skipped.length);
      return outcome;
    },
    readResource,
    async replaceResource(key, next) {
      const keys = indexKeysOf(next.body);
      // One statement: the version check and the write cannot be separated by another writer.
      const { rows } = await client.query<ResourceRow>(
        `update resources
            set version = $5, last_updated = $6, body = $7, name_text = $8, name_sort = $9, patient_id = $10,
                date_key = $11, tokens = $12
          where ${KEY_WHERE} and version = $5 - 1
      returning ${RESOURCE_COLUMNS}`,
        [
          ...keyParams(key),
          next.version,
          next.lastUpdated,
          JSON.stringify(next.body),
          keys.nameText,
          keys.nameSort,
          keys.patientId,
          keys.dateKey,
          keys.tokens,
        ],
      );
      return rows[0] ? { kind: 'ok', resource: toResource(rows[0]) } : missOutcome(key);
    },
    async deleteResource(key, expectedVersion) {
      const { rows } = await client.query<ResourceRow>(
        `delete from resources where ${KEY_WHERE} and ($5::integer is null or version = $5) returning ${RESOURCE_COLUMNS}`,
        [...keyParams(key), expectedVersion ?? null],
      );
      return rows[0] ? { kind: 'ok', resource: toResource(rows[0]) } : missOutcome(key);
    },
    async searchResources(scope, request) {
      const where = whereOf(scope, request.filters);
      const query = pageQuery(where, request.sort, RESOURCE_COLUMNS);
      const { rows } = await client.query<ResourceRow & { total: number }>(query.text, [...query.params, request.limit, request.offset]);
      if (rows.length > 0) return { resources: rows.map(toResource), total: rows[0]?.total ?? 0 };
      // An empty page says nothing about the total when it starts past the end.
      if (request.offset === 0) return { resources: [], total: 0 };
      const { rows: counted } = await client.query<{ total: number }>(
        `select count(*)::integer as total from resources where ${where.text}`,
        where.params,
      );
      return { resources: [], total: counted[0]?.total ?? 0 };
    },

    async insertJob(job) {
      await client.query(`insert into bulk_jobs (${JOB_COLUMNS}) values ${placeholders(1, 10)}`, jobValues(job));
    },
    async findJob(datastore, tenant, id) {
      const { rows } = await client.query<JobRow>(`select ${JOB_COLUMNS} from bulk_jobs where id = $1 and datastore = $2 and tenant = $3`, [
        id,
        datastore,
        tenant,
      ]);
      return rows[0] && toJob(rows[0]);
    },

    async close() {
      await client.close();
    },
  };
}
