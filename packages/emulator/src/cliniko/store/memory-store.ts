/**
 * The Cliniko store in memory: what the Cliniko emulator runs on inside the browser (Storybook, component tests).
 * The same contract as the SQL store — ids from the same two sequences, records handed in and out as copies (the
 * isolation a database round trip gives), `exclusive` serialising the work of one lock name — without PGlite.
 */
import type { ClinikoAccount, ClinikoKeyRecord, ClinikoStore, ResourceName, StoredRecord } from './types.ts';

/** The SQL store's sequences start here too, so ids look the same wherever the emulator runs. */
const FIRST_ID: Readonly<Record<'short' | 'long', bigint>> = { short: 1001n, long: 836447129235883061n };

const recordKey = (accountId: string, resource: string, id: string): string => [accountId, resource, id].join('\u0000');

export function createClinikoMemoryStore(): ClinikoStore {
  const next = { ...FIRST_ID };
  const accounts = new Map<string, ClinikoAccount>();
  const keys = new Map<string, ClinikoKeyRecord>();
  // Insertion order is kept, like the primary-key order a database usually answers in.
  const records = new Map<string, StoredRecord>();
  const locks = new Map<string, Promise<unknown>>();

  const store: ClinikoStore = {
    async newId(kind = 'long') {
      const id = next[kind];
      next[kind] = id + 1n;
      return id.toString();
    },
    async insertAccount(account) {
      if (accounts.has(account.id)) throw new Error(`account ${account.id} exists`);
      accounts.set(account.id, structuredClone(account));
    },
    async findAccount(shard, id) {
      const account = accounts.get(id);
      return account?.shard === shard ? structuredClone(account) : undefined;
    },
    async listAccounts(shard) {
      return [...accounts.values()].filter((account) => account.shard === shard).map((account) => structuredClone(account));
    },
    async insertKey(key) {
      if ([...keys.values()].some((other) => other.shard === key.shard && other.keyHash === key.keyHash))
        throw new Error('duplicate key hash');
      keys.set(key.id, structuredClone(key));
    },
    async findKeyByHash(shard, keyHash) {
      const key = [...keys.values()].find((candidate) => candidate.shard === shard && candidate.keyHash === keyHash);
      return key && structuredClone(key);
    },
    async listKeys(shard, accountId) {
      return [...keys.values()].filter((key) => key.shard === shard && key.accountId === accountId).map((key) => structuredClone(key));
    },
    async revokeKey(shard, keyId, at) {
      const key = keys.get(keyId);
      if (!key || key.shard !== shard) return false;
      keys.set(keyId, { ...key, revokedAt: key.revokedAt ?? at });
      return true;
    },
    async insert(accountId, resource, record) {
      const key = recordKey(accountId, resource, record.id);
      if (!accounts.has(accountId)) throw new Error(`no account ${accountId}`);
      if (records.has(key)) throw new Error(`${resource} ${record.id} exists`);
      records.set(key, structuredClone(record));
    },
    async replace(accountId, resource, record) {
      const key = recordKey(accountId, resource, record.id);
      if (!records.has(key)) return false;
      records.set(key, structuredClone(record));
      return true;
    },
    async get(accountId, resource, id) {
      const record = records.get(recordKey(accountId, resource, id));
      return record && structuredClone(record);
    },
    async list(accountId: string, resource: ResourceName, practitionerId?: string) {
      const prefix = recordKey(accountId, resource, '');
      const chosen: StoredRecord[] = [];
      for (const [key, record] of records) {
        if (key.startsWith(prefix) && (practitionerId === undefined || record.practitioner_id === practitionerId))
          chosen.push(structuredClone(record));
      }
      return chosen;
    },
    exclusive(lock, work) {
      // Each holder of a lock name waits for the one before it, as `pg_advisory_xact_lock` makes transactions wait.
      // There is no rollback: a failed seed leaves what it wrote, which in a page that is thrown away costs nothing.
      const previous = locks.get(lock) ?? Promise.resolve();
      const result = previous.then(() => work(store));
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      locks.set(lock, settled);
      void settled.then(() => {
        if (locks.get(lock) === settled) locks.delete(lock);
      });
      return result;
    },
    async close() {
      records.clear();
    },
  };
  return store;
}
