/**
 * The storage contract of the emulator. Two implementations — PostgreSQL (PGlite or a real server) and memory (for
 * the browser) — are held to it by one contract test suite, so they cannot drift.
 */
import type { Resource } from '@clinikapi/core';
import type { KeyEnvironment } from '../auth/api-key.ts';

export type Plan = 'sandbox' | 'starter' | 'pro' | 'team' | 'enterprise';
export const PLANS: readonly Plan[] = ['sandbox', 'starter', 'pro', 'team', 'enterprise'];

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly plan: Plan;
  readonly region: string;
  readonly createdAt: string;
}

/** A key as stored: never the key itself. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly environment: KeyEnvironment;
  readonly keyHash: string;
  /** `clk_test_…a1b2`, for listing keys without revealing them. */
  readonly hint: string;
  /** `read`, `write` or `*`. */
  readonly scopes: readonly string[];
  /** The shard that issued the key, if the emulator runs as a shard. */
  readonly shard: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** The key and its organisation, as authentication needs them. */
export interface KeyWithOrganisation {
  readonly key: ApiKeyRecord;
  readonly organisation: Organisation;
}

/** A stored FHIR resource with the bookkeeping the API needs. */
export interface StoredResource {
  readonly datastore: string;
  readonly tenant: string;
  readonly resourceType: string;
  readonly id: string;
  /** Increments on every write; the `ETag`/`If-Match` value. */
  readonly version: number;
  readonly lastUpdated: string;
  readonly body: Resource;
}

/** Where a search looks: one tenant's records of one type in one datastore. */
export interface SearchScope {
  readonly datastore: string;
  readonly tenant: string;
  readonly resourceType: string;
}

/** A structured filter both stores know how to evaluate. */
export type SearchFilter =
  /** Case-insensitive substring match on any of the given/family names. */
  | { readonly kind: 'name'; readonly value: string };

export interface SearchRequest {
  readonly filters: readonly SearchFilter[];
  readonly offset: number;
  readonly limit: number;
}

export interface SearchResult {
  readonly resources: readonly StoredResource[];
  readonly total: number;
}

/** Outcome of a conditional write. */
export type WriteOutcome =
  | { readonly kind: 'ok'; readonly resource: StoredResource }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'version-conflict'; readonly currentVersion: number };

export interface ResourceKey {
  readonly datastore: string;
  readonly tenant: string;
  readonly resourceType: string;
  readonly id: string;
}

export interface EmulatorStore {
  createOrganisation(organisation: Organisation): Promise<void>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<readonly Organisation[]>;

  insertKey(key: ApiKeyRecord): Promise<void>;
  findKeyByHash(keyHash: string): Promise<KeyWithOrganisation | undefined>;
  listKeys(organisationId: string): Promise<readonly ApiKeyRecord[]>;
  /** Marks a key revoked; false when no such key exists. */
  revokeKey(id: string, at: string): Promise<boolean>;

  insertResource(resource: StoredResource): Promise<void>;
  /** The current version of a record, only if it belongs to the given tenant. */
  readResource(key: ResourceKey): Promise<StoredResource | undefined>;
  /**
   * Replaces a record with `next`, whose version must be exactly one more than the stored one. Fails with
   * `version-conflict` when another writer got there first: the check and the write are one atomic step.
   */
  replaceResource(key: ResourceKey, next: StoredResource): Promise<WriteOutcome>;
  /** Deletes a record; `expectedVersion` (when given) must match the stored version. */
  deleteResource(key: ResourceKey, expectedVersion?: number): Promise<WriteOutcome>;
  searchResources(scope: SearchScope, request: SearchRequest): Promise<SearchResult>;

  close(): Promise<void>;
}
