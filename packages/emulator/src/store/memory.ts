/** The in-memory store: what the emulator runs on inside the browser (Storybook, component tests, demo mode). */
import type {
  ApiKeyRecord,
  EmulatorStore,
  KeyWithOrganisation,
  Organisation,
  ResourceKey,
  SearchRequest,
  SearchResult,
  SearchScope,
  StoredResource,
  WriteOutcome,
} from './types.ts';
import { nameSearchText, nameSortKey } from './search-keys.ts';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const bucketOf = (datastore: string, resourceType: string): string => `${datastore}\u0000${resourceType}`;

/**
 * Records are frozen deep copies, so a caller can never change a stored record by mutating what it was handed —
 * the same isolation a database round trip gives.
 */
function snapshot<T>(value: T): T {
  return structuredClone(value);
}

export function createMemoryStore(): EmulatorStore {
  const organisations = new Map<string, Organisation>();
  const keys = new Map<string, ApiKeyRecord>();
  const keyIdsByHash = new Map<string, string>();
  const buckets = new Map<string, Map<string, StoredResource>>();

  const bucket = (datastore: string, resourceType: string): Map<string, StoredResource> => {
    const name = bucketOf(datastore, resourceType);
    let found = buckets.get(name);
    if (!found) {
      found = new Map();
      buckets.set(name, found);
    }
    return found;
  };

  const current = (key: ResourceKey): StoredResource | undefined => {
    const stored = buckets.get(bucketOf(key.datastore, key.resourceType))?.get(key.id);
    return stored && stored.tenant === key.tenant ? stored : undefined;
  };

  return {
    async createOrganisation(organisation) {
      if (organisations.has(organisation.id)) throw new Error(`Organisation ${organisation.id} already exists`);
      organisations.set(organisation.id, snapshot(organisation));
    },
    async findOrganisation(id) {
      return snapshot(organisations.get(id));
    },
    async listOrganisations() {
      return snapshot([...organisations.values()]);
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
      return snapshot([...keys.values()].filter((key) => key.organisationId === organisationId));
    },
    async revokeKey(id, at) {
      const key = keys.get(id);
      if (!key) return false;
      if (key.revokedAt === null) keys.set(id, { ...key, revokedAt: at });
      return true;
    },

    async insertResource(resource) {
      const target = bucket(resource.datastore, resource.resourceType);
      if (target.has(resource.id)) throw new Error(`Duplicate ${resource.resourceType} id`);
      target.set(resource.id, snapshot(resource));
    },
    async readResource(key) {
      return snapshot(current(key));
    },
    async replaceResource(key, next): Promise<WriteOutcome> {
      const stored = current(key);
      if (!stored) return { kind: 'not-found' };
      if (next.version !== stored.version + 1) return { kind: 'version-conflict', currentVersion: stored.version };
      bucket(key.datastore, key.resourceType).set(key.id, snapshot(next));
      return { kind: 'ok', resource: snapshot(next) };
    },
    async deleteResource(key, expectedVersion): Promise<WriteOutcome> {
      const stored = current(key);
      if (!stored) return { kind: 'not-found' };
      if (expectedVersion !== undefined && expectedVersion !== stored.version) {
        return { kind: 'version-conflict', currentVersion: stored.version };
      }
      bucket(key.datastore, key.resourceType).delete(key.id);
      return { kind: 'ok', resource: snapshot(stored) };
    },
    async searchResources(scope: SearchScope, request: SearchRequest): Promise<SearchResult> {
      const matches = [...bucket(scope.datastore, scope.resourceType).values()].filter(
        (stored) =>
          stored.tenant === scope.tenant &&
          request.filters.every((filter) => nameSearchText(stored.body).includes(filter.value.toLowerCase())),
      );
      // Code-unit order, the same as the SQL store's `COLLATE "C"`, so both stores page identically.
      matches.sort((a, b) => compare(nameSortKey(a.body), nameSortKey(b.body)) || compare(a.id, b.id));
      return {
        resources: snapshot(matches.slice(request.offset, request.offset + request.limit)),
        total: matches.length,
      };
    },

    async close() {
      buckets.clear();
    },
  };
}
