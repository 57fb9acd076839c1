/** The PostgreSQL store, over any `SqlClient`: embedded PGlite by default, a real server with `DATABASE_URL`. */
import type { Resource } from '@clinikapi/core';
import type { KeyEnvironment } from '../auth/api-key.ts';
import { migrate } from './migrations.ts';
import { nameSearchText, nameSortKey } from './search-keys.ts';
import type { SqlClient } from './sql-client.ts';
import type {
  ApiKeyRecord,
  EmulatorStore,
  Organisation,
  Plan,
  ResourceKey,
  SearchRequest,
  SearchScope,
  StoredResource,
  WriteOutcome,
} from './types.ts';

interface OrganisationRow {
  id: string;
  name: string;
  plan: string;
  region: string;
  created_at: string;
}
interface KeyRow {
  id: string;
  organisation_id: string;
  environment: string;
  key_hash: string;
  hint: string;
  scopes: string[];
  shard: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}
interface ResourceRow {
  datastore: string;
  tenant: string;
  resource_type: string;
  id: string;
  version: number;
  last_updated: string;
  body: Resource | string;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  plan: row.plan as Plan,
  region: row.region,
  createdAt: row.created_at,
});

const toKey = (row: KeyRow): ApiKeyRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  environment: row.environment as KeyEnvironment,
  keyHash: row.key_hash,
  hint: row.hint,
  scopes: row.scopes,
  shard: row.shard,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

const toResource = (row: ResourceRow): StoredResource => ({
  datastore: row.datastore,
  tenant: row.tenant,
  resourceType: row.resource_type,
  id: row.id,
  version: row.version,
  lastUpdated: row.last_updated,
  // node-postgres parses jsonb; PGlite does too, but a string is tolerated for drivers that do not.
  body: typeof row.body === 'string' ? (JSON.parse(row.body) as Resource) : row.body,
});

/** `%` and `_` are wildcards in LIKE; a search for "50%" must match the text "50%", not everything after "50". */
const likeContains = (value: string): string => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const RESOURCE_COLUMNS = 'datastore, tenant, resource_type, id, version, last_updated, body';
const KEY_COLUMNS =
  'id, organisation_id, environment, key_hash, hint, scopes, shard, created_at, expires_at, revoked_at';

export async function createSqlStore(client: SqlClient): Promise<EmulatorStore> {
  await migrate(client);

  const readResource = async (key: ResourceKey): Promise<StoredResource | undefined> => {
    const { rows } = await client.query<ResourceRow>(
      `select ${RESOURCE_COLUMNS} from resources
        where datastore = $1 and resource_type = $2 and id = $3 and tenant = $4`,
      [key.datastore, key.resourceType, key.id, key.tenant],
    );
    return rows[0] && toResource(rows[0]);
  };

  return {
    async createOrganisation(organisation) {
      await client.query('insert into organisations (id, name, plan, region, created_at) values ($1, $2, $3, $4, $5)', [
        organisation.id,
        organisation.name,
        organisation.plan,
        organisation.region,
        organisation.createdAt,
      ]);
    },
    async findOrganisation(id) {
      const { rows } = await client.query<OrganisationRow>('select * from organisations where id = $1', [id]);
      return rows[0] && toOrganisation(rows[0]);
    },
    async listOrganisations() {
      const { rows } = await client.query<OrganisationRow>('select * from organisations order by id');
      return rows.map(toOrganisation);
    },

    async insertKey(key) {
      await client.query(
        `insert into api_keys (${KEY_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
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
        ],
      );
    },
    async findKeyByHash(keyHash) {
      const { rows } = await client.query<KeyRow & { org: OrganisationRow }>(
        `select ${KEY_COLUMNS.split(', ').map((column) => `k.${column}`).join(', ')}, row_to_json(o) as org
           from api_keys k join organisations o on o.id = k.organisation_id
          where k.key_hash = $1`,
        [keyHash],
      );
      const row = rows[0];
      return row && { key: toKey(row), organisation: toOrganisation(row.org) };
    },
    async listKeys(organisationId) {
      const { rows } = await client.query<KeyRow>(
        `select ${KEY_COLUMNS} from api_keys where organisation_id = $1 order by created_at, id`,
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

    async insertResource(resource) {
      await client.query(
        `insert into resources (${RESOURCE_COLUMNS}, name_text, name_sort) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          resource.datastore,
          resource.tenant,
          resource.resourceType,
          resource.id,
          resource.version,
          resource.lastUpdated,
          JSON.stringify(resource.body),
          nameSearchText(resource.body),
          nameSortKey(resource.body),
        ],
      );
    },
    readResource,
    async replaceResource(key: ResourceKey, next: StoredResource): Promise<WriteOutcome> {
      // One statement: the version check and the write cannot be separated by another writer.
      const { rows } = await client.query<ResourceRow>(
        `update resources
            set version = $5, last_updated = $6, body = $7, name_text = $8, name_sort = $9
          where datastore = $1 and resource_type = $2 and id = $3 and tenant = $4 and version = $5 - 1
      returning ${RESOURCE_COLUMNS}`,
        [
          key.datastore,
          key.resourceType,
          key.id,
          key.tenant,
          next.version,
          next.lastUpdated,
          JSON.stringify(next.body),
          nameSearchText(next.body),
          nameSortKey(next.body),
        ],
      );
      if (rows[0]) return { kind: 'ok', resource: toResource(rows[0]) };
      const stored = await readResource(key);
      return stored ? { kind: 'version-conflict', currentVersion: stored.version } : { kind: 'not-found' };
    },
    async deleteResource(key, expectedVersion) {
      const { rows } = await client.query<ResourceRow>(
        `delete from resources
          where datastore = $1 and resource_type = $2 and id = $3 and tenant = $4
            and ($5::integer is null or version = $5)
      returning ${RESOURCE_COLUMNS}`,
        [key.datastore, key.resourceType, key.id, key.tenant, expectedVersion ?? null],
      );
      if (rows[0]) return { kind: 'ok', resource: toResource(rows[0]) };
      const stored = await readResource(key);
      return stored ? { kind: 'version-conflict', currentVersion: stored.version } : { kind: 'not-found' };
    },
    async searchResources(scope: SearchScope, request: SearchRequest) {
      const conditions = ['datastore = $1', 'resource_type = $2', 'tenant = $3'];
      const params: unknown[] = [scope.datastore, scope.resourceType, scope.tenant];
      for (const filter of request.filters) {
        params.push(likeContains(filter.value.toLowerCase()));
        conditions.push(`name_text like $${params.length}`);
      }
      const where = conditions.join(' and ');
      const [{ rows: countRows }, { rows }] = await Promise.all([
        client.query<{ total: number }>(`select count(*)::integer as total from resources where ${where}`, params),
        client.query<ResourceRow>(
          `select ${RESOURCE_COLUMNS} from resources where ${where}
            order by name_sort collate "C", id collate "C"
            limit $${params.length + 1} offset $${params.length + 2}`,
          [...params, request.limit, request.offset],
        ),
      ]);
      return { resources: rows.map(toResource), total: countRows[0]?.total ?? 0 };
    },

    async close() {
      await client.close();
    },
  };
}
