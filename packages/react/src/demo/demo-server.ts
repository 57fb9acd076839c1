/**
 * The in-memory API behind `proxyUrl="demo"`: the REST passthrough's shapes (envelope, paging, errors, versions,
 * `_revinclude`, idempotent creates) over the demo data set, with no dependency and no network. It is a demo, not an
 * emulator: other resources are stored as sent, and validation is only what a demo form needs to show errors.
 */
import { DEMO_PATIENTS, type Patient, type PatientCreate, type Resource } from '@clinikapi/core';
import { PATIENT_REVINCLUDES, patientIdsOf } from '../queries/patient-links.ts';
import { patientSummaryFromFhir } from '../queries/patient-summary.ts';
import { DEMO_RECORDS, demoPatientId } from './demo-data.ts';

export interface DemoServer {
  handle(url: string, init: RequestInit): Promise<Response>;
}

/** A write, as the live stream tells it: the record and its patients, never its contents. */
export interface DemoChange {
  readonly path: string;
  readonly id: string;
  readonly action: 'created' | 'updated' | 'deleted';
  readonly patientIds: readonly string[];
}

const demoListeners = new Set<(change: DemoChange) => void>();

/**
 * Hears every write of every demo API on the page, as a proxy's event stream would tell it (demo mode has no
 * server to stream from). Returns the unsubscribe.
 */
export function onDemoChange(listener: (change: DemoChange) => void): () => void {
  demoListeners.add(listener);
  return () => demoListeners.delete(listener);
}

/** Told after the answer, as a webhook arrives after the write. */
function announce(path: string, id: string, action: DemoChange['action'], record: unknown): void {
  const change = { path, id, action, patientIds: path === 'patients' ? [id] : patientIdsOf(path, record) };
  setTimeout(() => demoListeners.forEach((listener) => listener(change)), 0);
}

interface Stored {
  readonly version: number;
  readonly body: Resource;
}

const UNLINKED_TYPES: Readonly<Record<string, string>> = {
  patients: 'Patient',
  practitioners: 'Practitioner',
  'practitioner-roles': 'PractitionerRole',
  medications: 'Medication',
};

const revincludeOf = (path: string): string | undefined => (PATIENT_REVINCLUDES as Readonly<Record<string, string>>)[path];
const typeOf = (path: string): string | undefined => UNLINKED_TYPES[path] ?? revincludeOf(path)?.split(':')[0];

function fhirPatient(input: PatientCreate, id: string, active = true): Patient {
  const telecom = [
    ...(input.email ? [{ system: 'email' as const, value: input.email }] : []),
    ...(input.phone ? [{ system: 'phone' as const, value: input.phone }] : []),
  ];
  return {
    resourceType: 'Patient',
    id,
    active,
    name: [{ use: 'official', given: input.firstName.split(/\s+/).filter(Boolean), family: input.lastName }],
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(input.gender ? { gender: input.gender } : {}),
    ...(input.birthDate ? { birthDate: input.birthDate } : {}),
    ...(input.address ? { address: [input.address] } : {}),
  };
}

/** The patient reference element for a simplified `patientId`, e.g. `{ subject: { reference } }`. */
function linkFromPatientId(path: string, body: Record<string, unknown>): Record<string, unknown> {
  const { patientId, ...rest } = body;
  const element = revincludeOf(path)?.split(':')[1];
  if (!element || typeof patientId !== 'string') return body;
  const reference = { reference: `Patient/${patientId}` };
  return { ...rest, ...(path === 'appointments' ? { participant: [{ actor: reference }] } : { [element]: reference }) };
}

/** RFC 6902 `add`/`replace`/`remove`/`test` on object paths: enough for the demo's forms. */
function applyPatch(target: Record<string, unknown>, operations: unknown[]): Record<string, unknown> | string {
  const copy = structuredClone(target);
  for (const operation of operations as Array<{ op: string; path: string; value?: unknown }>) {
    const keys = operation.path
      .split('/')
      .slice(1)
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    let parent: Record<string, unknown> = copy;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (!parent || last === undefined) return `${operation.path}: No such element`;
    if (operation.op === 'test' && JSON.stringify(parent[last]) !== JSON.stringify(operation.value))
      return `${operation.path}: Test failed`;
    if (operation.op === 'add' || operation.op === 'replace') parent[last] = operation.value;
    else if (operation.op === 'remove') delete parent[last];
    else if (operation.op !== 'test') return `${operation.path}: Unsupported operation ${operation.op}`;
  }
  return copy;
}

/** A name as the search compares it, as the emulator does: lower-case, without accents ("Zoe" finds "Zoë"). */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export function createDemoServer(): DemoServer {
  const store = new Map<string, Map<string, Stored>>();
  const replays = new Map<string, { status: number; data: unknown }>();
  let requests = 0;
  const lastUpdated = '2026-02-09T12:00:00.000Z';

  const table = (path: string): Map<string, Stored> => {
    let rows = store.get(path);
    if (!rows) store.set(path, (rows = new Map()));
    return rows;
  };
  for (const [index, input] of DEMO_PATIENTS.entries())
    table('patients').set(demoPatientId(index), { version: 1, body: fhirPatient(input, demoPatientId(index)) });
  for (const [path, records] of Object.entries(DEMO_RECORDS)) {
    for (const record of records) table(path).set(record.id as string, { version: 1, body: record });
  }

  const present = (path: string, stored: Stored): unknown => {
    const body = {
      ...stored.body,
      meta: { ...stored.body.meta, versionId: String(stored.version), lastUpdated: stored.body.meta?.lastUpdated ?? lastUpdated },
    };
    return path === 'patients' ? patientSummaryFromFhir(body as Patient) : body;
  };

  return {
    async handle(url, init) {
      requests += 1;
      const requestId = `demo_${requests}`;
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = new Headers(init.headers);
      const parsed = new URL(url, 'http://demo.invalid/');
      // `demo/patients/1` → ['', 'demo', 'patients', '1']: the first segment is the mount.
      const [path = '', id, extra] = parsed.pathname.split('/').slice(2).map(decodeURIComponent);
      const query = parsed.searchParams;

      const reply = (status: number, data?: unknown): Response =>
        status === 204
          ? new Response(null, { status, headers: { 'x-request-id': requestId } })
          : new Response(JSON.stringify({ data, meta: { requestId, timestamp: new Date().toISOString(), status } }), {
              status,
              headers: { 'content-type': 'application/json', 'x-request-id': requestId },
            });
      const fail = (status: number, code: string, error: string, issues: unknown[] = []): Response =>
        new Response(JSON.stringify({ error, code, requestId, issues }), {
          status,
          headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        });

      const resourceType = typeOf(path);
      if (!resourceType || extra !== undefined) return fail(404, 'NOT_FOUND', 'Not Found');
      const rows = table(path);
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;

      if (method === 'GET' && id === undefined) {
        const name = fold(query.get('name') ?? '');
        const patientId = query.get('patientId');
        const status = query.get('status');
        const matches = [...rows.values()]
          .map((stored) => present(path, stored) as Record<string, unknown>)
          .filter((item) => !name || fold(String(item.fullName ?? item.name ?? '')).includes(name))
          .filter((item) => !patientId || patientIdsOf(path, item).includes(patientId))
          .filter((item) => !status || item.status === status);
        const count = Math.min(Number(query.get('count') ?? 20) || 20, 100);
        const offset = Number(query.get('cursor') ?? 0) || 0;
        const page = matches.slice(offset, offset + count);
        const hasMore = offset + count < matches.length;
        return reply(200, { data: page, total: matches.length, hasMore, ...(hasMore ? { cursor: String(offset + count) } : {}) });
      }
      if (method === 'POST' && id === undefined) {
        const key = headers.get('idempotency-key');
        const replay = key ? replays.get(`${path}/${key}`) : undefined;
        if (replay) return reply(replay.status, replay.data);
        const input = (body ?? {}) as Record<string, unknown>;
        const newId = crypto.getRandomValues(new Uint32Array(2)).join('-');
        let created: Resource;
        if (path === 'patients') {
          const missing = ['firstName', 'lastName'].filter((field) => typeof input[field] !== 'string' || !String(input[field]).trim());
          if (missing.length > 0) {
            return fail(
              422,
              'VALIDATION_ERROR',
              'Validation Error',
              missing.map((field) => ({ severity: 'error', code: 'required', diagnostics: `${field}: Required`, path: field })),
            );
          }
          created = fhirPatient(input as unknown as PatientCreate, newId);
        } else {
          created = { ...linkFromPatientId(path, input), resourceType, id: newId } as Resource;
        }
        const stored = { version: 1, body: { ...created, meta: { lastUpdated: new Date().toISOString() } } as Resource };
        rows.set(newId, stored);
        announce(path, newId, 'created', stored.body);
        if (key) replays.set(`${path}/${key}`, { status: 201, data: present(path, stored) });
        return reply(201, present(path, stored));
      }

      const stored = id === undefined ? undefined : rows.get(id);
      if (!stored || id === undefined) return fail(404, 'NOT_FOUND', `${resourceType} not found`);
      const ifMatch = headers.get('if-match')?.replace(/^W\//, '').replace(/"/g, '');
      if (ifMatch && ifMatch !== String(stored.version) && (method === 'PATCH' || method === 'DELETE')) {
        return fail(409, 'CONFLICT', 'Conflict');
      }
      if (method === 'GET') {
        const include = query.getAll('_revinclude');
        if (path !== 'patients' || include.length === 0) return reply(200, present(path, stored));
        const entry = [{ resource: stored.body }];
        for (const [otherPath, records] of store) {
          const linkedType = typeOf(otherPath);
          if (!include.some((value) => value.startsWith(`${linkedType}:`))) continue;
          for (const record of records.values()) {
            if (patientIdsOf(otherPath, record.body).includes(id)) entry.push({ resource: present(otherPath, record) as Resource });
          }
        }
        return reply(200, { resourceType: 'Bundle', type: 'searchset', total: 1, entry });
      }
      if (method === 'DELETE') {
        rows.delete(id);
        announce(path, id, 'deleted', stored.body);
        return reply(204);
      }
      if (method === 'PATCH') {
        let next: Record<string, unknown>;
        if (Array.isArray(body)) {
          const patched = applyPatch(present(path, stored) as Record<string, unknown>, body);
          if (typeof patched === 'string')
            return fail(422, 'VALIDATION_ERROR', 'Validation Error', [{ severity: 'error', code: 'invalid', diagnostics: patched }]);
          next = patched;
        } else {
          next = { ...(present(path, stored) as Record<string, unknown>), ...(body as Record<string, unknown>) };
        }
        const updated: Resource =
          path === 'patients'
            ? fhirPatient(next as unknown as PatientCreate, id, next.active !== false)
            : ({ ...linkFromPatientId(path, next), resourceType, id } as Resource);
        const saved = { version: stored.version + 1, body: { ...updated, meta: { lastUpdated: new Date().toISOString() } } as Resource };
        rows.set(id, saved);
        announce(path, id, 'updated', saved.body);
        return reply(200, present(path, saved));
      }
      return fail(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed');
    },
  };
}
