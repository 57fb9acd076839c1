/** The Cliniko store over any `SqlClient`: PGlite by default, a PostgreSQL server with `DATABASE_URL`. */
import type { SqlClient } from '../../store/sql-client.ts';
import { migrateCliniko } from './migrations.ts';
import type { AccountSettings, ClinikoAccount, ClinikoKeyRecord, ClinikoStore, StoredRecord } from './types.ts';

interface AccountRow {
  id: string;
  shard: string;
  name: string;
  subdomain: string;
  time_zone: string;
  country: string;
  settings: AccountSettings | string;
  created_at: string;
}

interface KeyRow {
  id: string;
  shard: string;
  account_id: string;
  user_id: string;
  key_hash: string;
  hint: string;
  created_at: string;
  revoked_at: string | null;
}

/** node-postgres and PGlite both parse jsonb; text is accepted too in case a driver does not. */
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const toAccount = (row: AccountRow): ClinikoAccount => ({
  id: row.id,
  shard: row.shard,
  name: row.name,
  subdomain: row.subdomain,
  timeZone: row.time_zone,
  country: row.country,
  settings: json(row.settings),
  createdAt: row.created_at,
});

const toKey = (row: KeyRow): ClinikoKeyRecord => ({
  id: row.id,
  shard: row.shard,
  accountId: row.account_id,
  userId: row.user_id,
  keyHash: row.key_hash,
  hint: row.hint,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

function storeOver(client: SqlClient, close: () => Promise<void>): ClinikoStore {
  const store: ClinikoStore = {
    async newId(kind = 'long') {
      const { rows } = await client.query<{ id: string }>(`select nextval('cliniko_${kind}_ids')::text as id`);
      return (rows[0] as { id: string }).id;
    },
    async insertAccount(account) {
      await client.query(
        `insert into cliniko_accounts (id, shard, name, subdomain, time_zone, country, settings, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          account.id,
          account.shard,
          account.name,
          account.subdomain,
          account.timeZone,
          account.country,
          JSON.stringify(account.settings),
          account.createdAt,
        ],
      );
    },
    async findAccount(shard, id) {
      const { rows } = await client.query<AccountRow>('select * from cliniko_accounts where shard = $1 and id = $2', [shard, id]);
      return rows[0] && toAccount(rows[0]);
    },
    async listAccounts(shard) {
      const { rows } = await client.query<AccountRow>('select * from cliniko_accounts where shard = $1 order by created_at, id', [shard]);
      return rows.map(toAccount);
    },
    async insertKey(key) {
      await client.query(
        `insert into cliniko_keys (id, shard, account_id, user_id, key_hash, hint, created_at, revoked_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [key.id, key.shard, key.accountId, key.userId, key.keyHash, key.hint, key.createdAt, key.revokedAt],
      );
    },
    async findKeyByHash(shard, keyHash) {
      const { rows } = await client.query<KeyRow>('select * from cliniko_keys where shard = $1 and key_hash = $2', [shard, keyHash]);
      return rows[0] && toKey(rows[0]);
    },
    async listKeys(shard, accountId) {
      const { rows } = await client.query<KeyRow>(
        'select * from cliniko_keys where shard = $1 and account_id = $2 order by created_at, id',
        [shard, accountId],
      );
      return rows.map(toKey);
    },
    async revokeKey(shard, keyId, at) {
      const { rows } = await client.query<{ id: string }>(
        'update cliniko_keys set revoked_at = coalesce(revoked_at, $3) where shard = $1 and id = $2 returning id',
        [shard, keyId, at],
      );
      return rows.length > 0;
    },
    async insert(accountId, resource, record) {
      await client.query('insert into cliniko_records (account_id, resource, id, body) values ($1, $2, $3, $4)', [
        accountId,
        resource,
        record.id,
        JSON.stringify(record),
      ]);
    },
    async replace(accountId, resource, record) {
      const { rows } = await client.query<{ id: string }>(
        'update cliniko_records set body = $4 where account_id = $1 and resource = $2 and id = $3 returning id',
        [accountId, resource, record.id, JSON.stringify(record)],
      );
      return rows.length > 0;
    },
    async get(accountId, resource, id) {
      const { rows } = await client.query<{ body: StoredRecord | string }>(
        'select body from cliniko_records where account_id = $1 and resource = $2 and id = $3',
        [accountId, resource, id],
      );
      return rows[0] && json(rows[0].body);
    },
    async list(accountId, resource, practitionerId) {
      const { rows } =
        practitionerId === undefined
          ? await client.query<{ body: StoredRecord | string }>(
              'select body from cliniko_records where account_id = $1 and resource = $2',
              [accountId, resource],
            )
          : await client.query<{ body: StoredRecord | string }>(
              `select body from cliniko_records where account_id = $1 and resource = $2 and body ->> 'practitioner_id' = $3`,
              [accountId, resource, practitionerId],
            );
      return rows.map((row) => json(row.body));
    },
    exclusive(lock, work) {
      return client.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`cliniko:${lock}`]);
        return work(storeOver(tx, () => Promise.resolve()));
      });
    },
    close,
  };
  return store;
}

/** Migrates the database and returns the store; closing the store closes the client. */
export async function createClinikoStore(client: SqlClient): Promise<ClinikoStore> {
  await migrateCliniko(client);
  return storeOver(client, () => client.close());
}
