/** Reading and writing one record on behalf of a request: ids from the path, 404s, timestamps, archive. */
import type { Context } from 'hono';
import { notFound } from '../errors.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import type { ResourceName, StoredRecord } from '../store/types.ts';
import { utcDateTime } from '../time.ts';
import { jsonResponse } from './listing.ts';

const ID = /^\d{1,19}$/;

/** A path id; anything that cannot be an id is a 404, like an id that does not exist. */
export function pathId(c: Context<ClinikoEnv>, name = 'id'): string {
  const id = c.req.param(name);
  if (!id || !ID.test(id)) throw notFound();
  return id;
}

export async function findOr404(scope: RequestScope, resource: ResourceName, id: string): Promise<StoredRecord> {
  const record = await scope.store.get(scope.account.id, resource, id);
  if (!record) throw notFound();
  return record;
}

/** Stores a new record with a new 18-digit id and this request's time. */
export async function insertRecord(scope: RequestScope, resource: ResourceName, fields: Record<string, unknown>): Promise<StoredRecord> {
  const at = utcDateTime(scope.now);
  const record: StoredRecord = { ...fields, id: await scope.store.newId('long'), created_at: at, updated_at: at };
  await scope.store.insert(scope.account.id, resource, record);
  return record;
}

/** Saves `fields` over `record`, stamping `updated_at`. */
export async function saveRecord(
  scope: RequestScope,
  resource: ResourceName,
  record: StoredRecord,
  fields: Record<string, unknown>,
): Promise<StoredRecord> {
  const saved: StoredRecord = { ...fields, id: record.id, created_at: record.created_at, updated_at: utcDateTime(scope.now) };
  if (!(await scope.store.replace(scope.account.id, resource, saved))) throw notFound();
  return saved;
}

/** Sets `archived_at` (once: archiving again keeps the first time) and answers 204. */
export async function archive(scope: RequestScope, resource: ResourceName, id: string): Promise<Response> {
  const record = await findOr404(scope, resource, id);
  if (!record.archived_at) await saveRecord(scope, resource, record, { ...record, archived_at: utcDateTime(scope.now) });
  return new Response(null, { status: 204 });
}

/** 201 with the object and its `Location`. */
export function createdResponse(self: string, body: object): Response {
  return jsonResponse(body, 201, { location: self });
}
