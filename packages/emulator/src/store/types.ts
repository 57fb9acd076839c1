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
  /** Paid plans only: let live traffic run past the monthly quota (billed as overage) instead of refusing it. */
  readonly overageBilling?: boolean;
  /** A sub-organisation's parent. Its keys write under its own tenant; its parent's webhooks hear of it. */
  readonly parentId?: string;
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

/** Where a search looks: one tenant's records in one datastore, of one type or (null) of every type. */
export interface SearchScope {
  readonly datastore: string;
  readonly tenant: string;
  readonly resourceType: string | null;
}

/** A structured filter both stores evaluate over the same index keys (`search/index-keys.ts`). */
export type SearchFilter =
  /** Case-insensitive substring of any name. */
  | { readonly kind: 'name'; readonly value: string }
  /** Any of the normalised `param=value` tokens. */
  | { readonly kind: 'token'; readonly tokens: readonly string[] }
  /** Records in one patient's compartment. */
  | { readonly kind: 'patient'; readonly patientId: string }
  /** The record's date key within `[from, to)`; either end may be open. */
  | { readonly kind: 'date'; readonly from?: string | undefined; readonly to?: string | undefined }
  /** Records with one of these ids. */
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  /** Records changed after this ISO time. */
  | { readonly kind: 'updatedAfter'; readonly after: string };

/** What a search sorts on; every sort ends with the id so that pages never overlap. */
export interface SortKey {
  readonly field: 'name' | 'date' | 'lastUpdated' | 'id';
  readonly descending: boolean;
}

export interface SearchRequest {
  readonly filters: readonly SearchFilter[];
  readonly sort: readonly SortKey[];
  readonly offset: number;
  readonly limit: number;
}

/** A window of search results, as a cursor and `count` ask for it: skip `offset`, take up to `limit`. */
export type Page = Pick<SearchRequest, 'offset' | 'limit'>;

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

/** A response as it is replayed for a repeated `Idempotency-Key`. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * The first use of an `Idempotency-Key`, written in the same transaction as the records it created. Keys are per
 * organisation and datastore; a key older than `reusableBefore` counts as unused.
 */
export interface IdempotencyRecord {
  readonly datastore: string;
  readonly tenant: string;
  readonly key: string;
  /** Hash of method, path and body: the same key with a different request is a conflict. */
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly reusableBefore: string;
  readonly response: StoredResponse;
}

/** A bulk import or export, as `GET /v1/bulk/jobs/{jobId}` reports it. */
export interface BulkJob {
  readonly id: string;
  readonly datastore: string;
  readonly tenant: string;
  readonly type: 'import' | 'export';
  readonly status: 'pending' | 'processing' | 'completed' | 'failed';
  readonly totalRecords: number;
  readonly processedRecords: number;
  /** Per-line problems, e.g. `line 3: not valid JSON`. Never the line's content. */
  readonly errors: readonly string[];
  /** Export only: the NDJSON produced. */
  readonly output: string | null;
  readonly createdAt: string;
}

export interface InsertOptions {
  readonly idempotency?: IdempotencyRecord | undefined;
  /** Bulk import: records whose id is taken are skipped (and reported) instead of failing the whole write. */
  readonly skipExisting?: boolean | undefined;
}

export type InsertOutcome =
  | { readonly kind: 'ok'; readonly skipped: readonly string[] }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'idempotency-conflict' };

/** Which keys' events an endpoint receives. */
export type WebhookEnvironmentFilter = 'live' | 'test' | 'both';

/** A registered webhook endpoint of an organisation. */
export interface WebhookRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly url: string;
  /** The signing secret. Stored as is: the emulator signs with it; listings never show it. */
  readonly secret: string;
  /** `*`, `patient.*`, `patient.created`: an event is sent when any of them matches. */
  readonly events: readonly string[];
  readonly environment: WebhookEnvironmentFilter;
  /** Only events of this sub-organisation's keys; null: all of the organisation's traffic. */
  readonly subOrganisationId: string | null;
  readonly createdAt: string;
}

/**
 * `pending` (waiting for its first send or a retry), `delivered` (a 2xx), `failed` (every retry spent) or `refused`
 * (the destination was not routable: never retried).
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'refused';

/** One event on its way to one endpoint: the queue entry and its log. */
export interface WebhookDelivery {
  readonly id: string;
  readonly webhookId: string;
  /** The event's id: the payload's `id` and `X-Clinik-Delivery-Id`, the same on every retry. */
  readonly eventId: string;
  readonly event: string;
  /** The body exactly as it is signed and sent. */
  readonly payload: string;
  readonly status: DeliveryStatus;
  /** Sends so far. */
  readonly attempts: number;
  /** When a pending delivery is next due (also the lease of one being sent); null once settled. */
  readonly nextAttemptAt: string | null;
  /** The HTTP status of the last send, if one answered. */
  readonly lastStatus: number | null;
  /** Why the last send failed, in words such as `timeout` or `refused: private address`; never a response body. */
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a send changes on a delivery. */
export type DeliveryUpdate = Pick<WebhookDelivery, 'status' | 'attempts' | 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'updatedAt'>;

export interface WebhookStore {
  insertWebhook(webhook: WebhookRecord): Promise<void>;
  findWebhook(id: string): Promise<WebhookRecord | undefined>;
  /** The endpoints of these organisations, oldest first. */
  listWebhooks(organisationIds: readonly string[]): Promise<readonly WebhookRecord[]>;
  /** Removes an endpoint and its queue; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;
  insertDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void>;
  /**
   * Takes up to `limit` pending deliveries due at `now` (earliest first) and moves their `nextAttemptAt` to
   * `leaseUntil`, atomically: two workers never take the same one, and one whose worker died is due again after the
   * lease — at-least-once.
   */
  claimDueDeliveries(now: string, leaseUntil: string, limit: number): Promise<readonly WebhookDelivery[]>;
  updateDelivery(id: string, update: DeliveryUpdate): Promise<void>;
  /** The newest deliveries of an endpoint first. */
  listDeliveries(webhookId: string, limit: number): Promise<readonly WebhookDelivery[]>;
  /** When the earliest pending delivery is due, if any is. */
  nextDeliveryDue(): Promise<string | undefined>;
}

export interface EmulatorStore extends WebhookStore {
  createOrganisation(organisation: Organisation): Promise<void>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<readonly Organisation[]>;

  insertKey(key: ApiKeyRecord): Promise<void>;
  findKeyByHash(keyHash: string): Promise<KeyWithOrganisation | undefined>;
  listKeys(organisationId: string): Promise<readonly ApiKeyRecord[]>;
  /** Marks a key revoked; false when no such key exists. */
  revokeKey(id: string, at: string): Promise<boolean>;

  /**
   * Inserts records in one transaction, together with the idempotency record when given. With an
   * idempotency key already used, nothing is written and the first response is returned (or a conflict when the
   * request differs). Ids are unique per datastore, type and tenant.
   */
  insertResources(resources: readonly StoredResource[], options?: InsertOptions): Promise<InsertOutcome>;
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

  insertJob(job: BulkJob): Promise<void>;
  /** A job of this tenant and datastore, or undefined. */
  findJob(datastore: string, tenant: string, id: string): Promise<BulkJob | undefined>;

  close(): Promise<void>;
}
