/** Rows of the SQL store's tables and their conversion to the store's values. */
import type { Resource } from '@clinikapi/core';
import type { KeyEnvironment } from '../auth/api-key.ts';
import { indexKeysOf } from '../search/index-keys.ts';
import type { ApiKeyRecord, BulkJob, Organisation, Plan, StoredResource, StoredResponse } from './types.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  plan: string;
  region: string;
  overage_billing: boolean;
  parent_id?: string | null;
  created_at: string;
}
export interface KeyRow {
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
export interface ResourceRow {
  datastore: string;
  tenant: string;
  resource_type: string;
  id: string;
  version: number;
  last_updated: string;
  body: Resource | string;
}
export interface JobRow {
  id: string;
  datastore: string;
  tenant: string;
  type: BulkJob['type'];
  status: BulkJob['status'];
  total_records: number;
  processed_records: number;
  errors: string[] | string;
  output: string | null;
  created_at: string;
}

/** node-postgres and PGlite parse jsonb; a string is tolerated for drivers that do not. */
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  plan: row.plan as Plan,
  region: row.region,
  overageBilling: row.overage_billing,
  ...(row.parent_id ? { parentId: row.parent_id } : {}),
  createdAt: row.created_at,
});

export const KEY_COLUMNS = 'id, organisation_id, environment, key_hash, hint, scopes, shard, created_at, expires_at, revoked_at';

export const toKey = (row: KeyRow): ApiKeyRecord => ({
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

export const RESOURCE_COLUMNS = 'datastore, tenant, resource_type, id, version, last_updated, body';

export const toResource = (row: ResourceRow): StoredResource => ({
  datastore: row.datastore,
  tenant: row.tenant,
  resourceType: row.resource_type,
  id: row.id,
  version: row.version,
  lastUpdated: row.last_updated,
  body: json(row.body),
});

/** The stored columns of a record, index keys included, in the order of `RESOURCE_WRITE_COLUMNS`. */
export const RESOURCE_WRITE_COLUMNS = `${RESOURCE_COLUMNS}, name_text, name_sort, patient_id, date_key, tokens`;

export function resourceValues(resource: StoredResource): unknown[] {
  const keys = indexKeysOf(resource.body);
  return [
    resource.datastore,
    resource.tenant,
    resource.resourceType,
    resource.id,
    resource.version,
    resource.lastUpdated,
    JSON.stringify(resource.body),
    keys.nameText,
    keys.nameSort,
    keys.patientId,
    keys.dateKey,
    keys.tokens,
  ];
}

export const JOB_COLUMNS = 'id, datastore, tenant, type, status, total_records, processed_records, errors, output, created_at';

export const jobValues = (job: BulkJob): unknown[] => [
  job.id,
  job.datastore,
  job.tenant,
  job.type,
  job.status,
  job.totalRecords,
  job.processedRecords,
  JSON.stringify(job.errors),
  job.output,
  job.createdAt,
];

export const toJob = (row: JobRow): BulkJob => ({
  id: row.id,
  datastore: row.datastore,
  tenant: row.tenant,
  type: row.type,
  status: row.status,
  totalRecords: row.total_records,
  processedRecords: row.processed_records,
  errors: json(row.errors),
  output: row.output,
  createdAt: row.created_at,
});

export const toResponse = (value: StoredResponse | string): StoredResponse => json(value);

/** `($1, $2, …), ($13, …)` for `rows` rows of `width` parameters. */
export function placeholders(rows: number, width: number): string {
  return Array.from(
    { length: rows },
    (_, row) => `(${Array.from({ length: width }, (_, column) => `$${row * width + column + 1}`).join(', ')})`,
  ).join(', ');
}
