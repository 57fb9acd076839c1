/** What the Cliniko emulator stores: accounts (one shard each), hashed keys, and records as JSON documents. */

/** The resources the Cliniko emulator keeps as records. Users are records too: a key belongs to one. */
export type ResourceName =
  | 'users'
  | 'businesses'
  | 'practitioners'
  | 'appointment_types'
  | 'patients'
  | 'individual_appointments'
  | 'medical_alerts'
  | 'daily_availabilities'
  | 'unavailable_blocks';

/** Every name once, in this order: a record of all of them, so a name added to the type alone fails to compile. */
const RESOURCE_TABLES: Record<ResourceName, true> = {
  users: true,
  businesses: true,
  practitioners: true,
  appointment_types: true,
  patients: true,
  individual_appointments: true,
  medical_alerts: true,
  daily_availabilities: true,
  unavailable_blocks: true,
};
/** Every `ResourceName`: the stores make a table for each. */
export const RESOURCES = Object.keys(RESOURCE_TABLES) as readonly ResourceName[];

/**
 * A stored record: the fields Cliniko shows (snake_case, as on the wire), relations as `*_id` / `*_ids`, and a few
 * fields only the emulator reads (a practitioner's `active`, `business_ids`). Presenters turn it into Cliniko's JSON.
 */
export interface StoredRecord {
  readonly id: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly [field: string]: unknown;
}

/** The online-booking rules that `available_times` obeys, and the account's other settings. */
export interface AccountSettings {
  readonly currency_symbol: string;
  readonly timeslot_size_in_minutes: number;
  readonly online_bookings_enabled: boolean;
  /** Per practitioner, per morning/afternoon/evening; null is unlimited. */
  readonly max_appointments_per_day_segment: number | null;
  readonly min_hours_advance_required_to_book: number;
  /** How far ahead times are offered (28, 84, 182 or 365 in Cliniko's settings). */
  readonly max_days_in_advance: number;
}

export interface ClinikoAccount {
  readonly id: string;
  readonly shard: string;
  readonly name: string;
  readonly subdomain: string;
  /** IANA zone; `settings` shows Cliniko's label for it. */
  readonly timeZone: string;
  readonly country: string;
  readonly settings: AccountSettings;
  readonly createdAt: string;
}

export interface ClinikoKeyRecord {
  readonly id: string;
  readonly shard: string;
  readonly accountId: string;
  readonly userId: string;
  /** SHA-256 of the token without its suffix. Never shown. */
  readonly keyHash: string;
  readonly hint: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface ClinikoStore {
  /** A new id: `short` like older Cliniko records, `long` (18 digits) like newer ones. */
  newId(kind?: 'short' | 'long'): Promise<string>;
  insertAccount(account: ClinikoAccount): Promise<void>;
  findAccount(shard: string, id: string): Promise<ClinikoAccount | undefined>;
  listAccounts(shard: string): Promise<readonly ClinikoAccount[]>;
  insertKey(key: ClinikoKeyRecord): Promise<void>;
  findKeyByHash(shard: string, keyHash: string): Promise<ClinikoKeyRecord | undefined>;
  listKeys(shard: string, accountId: string): Promise<readonly ClinikoKeyRecord[]>;
  revokeKey(shard: string, keyId: string, at: string): Promise<boolean>;
  insert(accountId: string, resource: ResourceName, record: StoredRecord): Promise<void>;
  /** Replaces a record; false when there is none with its id. */
  replace(accountId: string, resource: ResourceName, record: StoredRecord): Promise<boolean>;
  get(accountId: string, resource: ResourceName, id: string): Promise<StoredRecord | undefined>;
  /** Every record of a resource, or only those whose `practitioner_id` is the one given. */
  list(accountId: string, resource: ResourceName, practitionerId?: string): Promise<readonly StoredRecord[]>;
  /** Runs `work` in one transaction, holding a lock named `lock` until it ends (one writer per name at a time). */
  exclusive<T>(lock: string, work: (store: ClinikoStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
