/** The in-memory store: what the emulator runs on inside the browser (Storybook, component tests, demo mode). */
import { indexKeysOf, type IndexKeys } from '../search/index-keys.ts';
import { compareStored, matchesAll } from './memory-search.ts';
import { memoryWebhookStore } from './memory-webhooks.ts';
import type {
  ApiKeyRecord,
  BulkJob,
  EmulatorStore,
  IdempotencyRecord,
  InsertOutcome,
  KeyWithOrganisation,
  Organisation,
  ResourceKey,
  SearchRequest,
  SearchResult,
  SearchScope,
  StoredResource,
  WriteOutcome,
} from './types.ts';

/** A record with the index keys the searches use, computed once per write like the SQL store's columns. */
export interface IndexedResource {
  readonly resource: StoredResource;
  readonly keys: IndexKeys;
}

const recordKey = (datastore: string, resourceType: string, tenant: string, id: string): string =>
  [datastore, resourceType, tenant, id].join('\u0000');
const scopeKey = (datastore: string, tenant: string, key: string): string => [datastore, tenant, key].join('\u0000');

/**
 * Everything handed in or out is a deep copy, so a caller can never change a stored record by mutating what it was
 * handed — the same isolation a database round trip gives. Every method does its work without awaiting in the
 * middle, so each is atomic with respect to the others, as a transaction would be.
 */
function snapshot<T>(value: T): T {
  return structuredClone(value);
}

export function createMemoryStore(): EmulatorStore {
  const organisations = new Map<string, Organisation>();
  const keys = new Map<string, ApiKeyRecord>();
  const keyIdsByHash = new Map<string, string>();
  const records = new Map<string, IndexedResource>();
  const idempotency = new Map<string, IdempotencyRecord>();
  const jobs = new Map<string, BulkJob>();
  const { clear: clearWebhooks, ...webhooks } = memoryWebhookStore();

  const index = (resource: StoredResource): IndexedResource => ({ resource: snapshot(resource), keys: indexKeysOf(resource.body) });
  const keyOf = (key: ResourceKey): string => recordKey(key.datastore, key.resourceType, key.tenant, key.id);

  function claim(record: IdempotencyRecord): InsertOutcome | undefined {
    const name = scopeKey(record.datastore, record.tenant, record.key);
    const existing = idempotency.get(name);
    if (existing && existing.createdAt >= record.reusableBefore) {
      return existing.fingerprint === record.fingerprint
        ? { kind: 'replay', response: snapshot(existing.response) }
        : { kind: 'idempotency-conflict' };
    }
    return undefined;
  }

  return {
    ...webhooks,
    async createOrganisation(organisation) {
      if (organisations.has(organisation.id)) throw new Error(`Organisation ${organisation.id} already exists`);
      organisations.set(organisation.id, snapshot({ ...organisation, overageBilling: organisation.overageBilling ?? false }));
    },
    async findOrganisation(id) {
      return snapshot(organisations.get(id));
    },
    async listOrganisations() {
      return snapshot([...organisations.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
    },

    async insertKey(key) {
      if (keyIdsByHash.has(key.keyHash)) throw new Error('Duplicate key hash');
      keys.set(key.id, snapshot(key));
      keyIdsByHash.set(key.keyHash, key.id);
    },
    async findKeyByHash(keyHash): Promise<KeyWithOrganisation | undefined> {
      const id = keyIdsByHash.get(keyHash);
      const key = id === undefined ? undefined : keys.get(id);
      const organisation = key && organisations.get(key.organisationId);
      return key && organisation ? snapshot({ key, organisation }) : undefined;
    },
    async listKeys(organisationId) {
      return snapshot(
        [...keys.values()]
          .filter((key) => key.organisationId === organisationId)
          .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1)),
      );
    },
    async revokeKey(id, at) {
      const key = keys.get(id);
      if (!key) return false;
      if (key.revokedAt === null) keys.set(id, { ...key, revokedAt: at });
      return true;
    },

    async insertResources(resources, options = {}): Promise<InsertOutcome> {
      if (options.idempotency) {
        const earlier = claim(options.idempotency);
        if (earlier) return earlier;
      }
      const skipped: string[] = [];
      const fresh = new Map<string, IndexedResource>();
      for (const resource of resources) {
        const name = recordKey(resource.datastore, resource.resourceType, resource.tenant, resource.id);
        if (records.has(name) || fresh.has(name)) {
          if (!options.skipExisting) throw new Error(`Duplicate ${resource.resourceType} id`);
          skipped.push(resource.id);
          continue;
        }
        fresh.set(name, index(resource));
      }
      // Nothing above changed any state, so a failure leaves the store as it was: all or nothing.
      for (const [name, entry] of fresh) records.set(name, entry);
      if (options.idempotency) {
        const record = options.idempotency;
        idempotency.set(scopeKey(record.datastore, record.tenant, record.key), snapshot(record));
      }
      return { kind: 'ok', skipped };
    },
    async readResource(key) {
      return snapshot(records.get(keyOf(key))?.resource);
    },
    async replaceResource(key, next): Promise<WriteOutcome> {
      const stored = records.get(keyOf(key))?.resource;
      if (!stored) return { kind: 'not-found' };
      if (next.version !== stored.version + 1) return { kind: 'version-conflict', currentVersion: stored.version };
      records.set(keyOf(key), index(next));
      return { kind: 'ok', resource: snapshot(next) };
    },
    async deleteResource(key, expectedVersion): Promise<WriteOutcome> {
      const stored = records.get(keyOf(key))?.resource;
      if (!stored) return { kind: 'not-found' };
      if (expectedVersion !== undefined && expectedVersion !== stored.version) {
        return { kind: 'version-conflict', currentVersion: stored.version };
      }
      records.delete(keyOf(key));
      return { kind: 'ok', resource: snapshot(stored) };
    },
    async searchResources(scope: SearchScope, request: SearchRequest): Promise<SearchResult> {
      const matches = [...records.values()].filter(
        ({ resource, keys: indexKeys }) =>
          resource.datastore === scope.datastore &&
          resource.tenant === scope.tenant &&
          (scope.resourceType === null || resource.resourceType === scope.resourceType) &&
          matchesAll(resource, indexKeys, request.filters),
      );
      matches.sort((a, b) => compareStored(a, b, request.sort));
      return {
        resources: snapshot(matches.slice(request.offset, request.offset + request.limit).map((entry) => entry.resource)),
        total: matches.length,
      };
    },

    async insertJob(job) {
      jobs.set(job.id, snapshot(job));
    },
    async findJob(datastore, tenant, id) {
      const job = jobs.get(id);
      return job && job.datastore === datastore && job.tenant === tenant ? snapshot(job) : undefined;
    },

    async close() {
      records.clear();
      idempotency.clear();
      jobs.clear();
      clearWebhooks();
    },
  };
}
