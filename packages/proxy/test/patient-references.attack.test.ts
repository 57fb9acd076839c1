/**
 * Attack suite, generated: a patient cannot write a record that names another patient, through any field that can
 * hold a patient, written any way the upstream would still read as that patient. The fields come from core's
 * declared reference fields of the simplified shapes of all 62 paths (`requestReferenceFields`, with each path's full
 * example) and every FHIR reference element;
 * the spellings are those the upstream normalises away (surrounding whitespace, a trailing newline, an absolute or
 * versioned reference); the routes are REST creates, widget actions, merge PATCH and JSON Patch. Each must be
 * refused (403 by the policy, or 422 when the proxy's own validation refuses the spelling first) with nothing sent
 * upstream but the read that checks an update's record; the same body naming the patient themselves goes through.
 */
import {
  WIDGET_ACTIONS,
  findResource,
  requestReferenceFields,
  unrollReferencePath,
  type ReferenceField,
  type ResourceDefinition,
} from '@clinikapi/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OTHER_FULL_EXAMPLES } from '../../core/test/other-examples.ts';
import { PATIENT_ID } from '../../core/test/widget-examples.ts';
import { FULL_EXAMPLES, PATIENT } from '../../emulator/test/fixtures/full-examples.ts';
import { allOf, grants, patientCompartment } from '../src/index.ts';
import { PATIENT_LINKED, recordOf } from './catalogue-records.ts';
import { proxyApp, recordingUpstream, type ProxyApp } from './harness.ts';

const OWN = 'p1';
const OTHER = 'p2';

/** The ways of writing "the other patient" that the upstream reads as `Patient/p2`. */
const SPELLINGS = [
  `Patient/${OTHER}`,
  ` Patient/${OTHER}`,
  `Patient/${OTHER}\n`,
  `\tPatient/${OTHER} `,
  `Patient/${OTHER}/_history/1`,
  `https://api.clinikapi.com/v1/fhir/Patient/${OTHER}`,
];
const BARE_SPELLINGS = [OTHER, ` ${OTHER}`, `${OTHER}\n`];

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => {
    const [, , name = '', id] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
    const definition = findResource(name) as ResourceDefinition;
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json', etag: 'W/"1"' }).end(JSON.stringify(body));
    if (req.method === 'GET' && id) return send(200, { data: recordOf(definition, id, OWN) });
    return send(req.method === 'POST' ? 201 : 200, { data: { ...recordOf(definition, id ?? 'new', OWN), patientId: OWN } });
  });
  app = await proxyApp({
    upstream: upstream.url,
    session: () => ({ id: 'u-pat', roles: ['patient'], patientId: OWN }),
    policy: allOf(grants(['*:*']), patientCompartment({ patientId: (user) => user.patientId as string })),
  });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

const send = (method: string, path: string, body: unknown, contentType = 'application/json') =>
  fetch(`${app.url}/api/clinik${path}`, { method, headers: { 'content-type': contentType, 'x-csrf': '1' }, body: JSON.stringify(body) });
const sentWrites = () => upstream.requests.filter((request) => request.method !== 'GET');

/** `body` with the value at `path` (object keys; the first item of a list) replaced, creating what is missing. */
function withValue(body: Record<string, unknown>, path: readonly string[], value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = Array.isArray(node[key]) ? [value] : value;
      return;
    }
    let child = node[key];
    if (Array.isArray(child)) child = child[0] ?? (child[0] = {});
    else if (typeof child !== 'object' || child === null) child = node[key] = {};
    node = child as Record<string, unknown>;
  });
  return copy;
}

const EXAMPLES: Record<string, Record<string, unknown>> = { ...FULL_EXAMPLES, ...OTHER_FULL_EXAMPLES };

/** The full example body of a path (every one of the 62 has one), made the patient's own. */
function ownExample(path: string): Record<string, unknown> {
  let text = JSON.stringify(EXAMPLES[path]);
  for (const placeholder of [PATIENT, PATIENT_ID])
    text = text.replaceAll(`"${placeholder}"`, `"${OWN}"`).replaceAll(`Patient/${placeholder}`, `Patient/${OWN}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Declared fields through which a simplified body can name a patient, on paths that belong to one; a field inside a
 * schema that nests in itself is attacked at the top and one level down.
 */
const fieldCases = PATIENT_LINKED.flatMap((definition) =>
  requestReferenceFields(definition.path, 'create')
    .filter(({ target }) => target.types === 'any' || target.types.includes('Patient'))
    .flatMap((field) =>
      [...new Set([0, 1].map((times) => unrollReferencePath(field.path, times).join('.')))].map((path) => ({
        definition,
        field,
        path: path.split('.'),
        label: `${definition.path}.${path}`,
      })),
    ),
);

function spellingsOf(field: ReferenceField): string[] {
  return field.target.bareIdType === 'Patient' ? [...SPELLINGS, ...BARE_SPELLINGS] : SPELLINGS;
}

const refused = (status: number) => expect([403, 422]).toContain(status);

describe('simplified bodies: every declared field that can hold a patient', () => {
  it('covers the fields the issue found, every path with one, and the fields of the 43 other paths', () => {
    const labels = fieldCases.map((entry) => entry.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'intakes.sourceId',
        'consents.performerId',
        'consents.verification.verifiedWith',
        'consents.provision.provision.actor.reference',
        'conditions.asserterId',
        'appointment-responses.actorId',
        'persons.link.targetId',
        'enrollment-requests.candidateId',
        'accounts.guarantor.partyId',
        'tasks.basedOn',
        'audit-events.entity.what',
      ]),
    );
    expect(
      PATIENT_LINKED.filter((definition) => !fieldCases.some((entry) => entry.definition === definition)).map(({ path }) => path),
    ).toEqual([]);
  });

  it('the case: a merge PATCH cannot hand an enrollment request to another patient by its candidate (a bare id)', async () => {
    refused((await send('PATCH', '/enrollment-requests/rec-1', { candidateId: OTHER })).status);
    expect(sentWrites()).toEqual([]);
  });

  it.each(fieldCases)('$label: a create naming another patient is refused in every spelling', async ({ definition, field, path }) => {
    const example = ownExample(definition.path);
    for (const spelling of spellingsOf(field)) {
      const response = await send('POST', `/${definition.path}`, withValue(example, path, spelling));
      refused(response.status);
    }
    expect(upstream.requests).toEqual([]);
    // The same field naming the patient themselves is fine.
    const own = field.target.bareIdType === 'Patient' ? OWN : `Patient/${OWN}`;
    expect((await send('POST', `/${definition.path}`, withValue(example, path, own))).status).toBe(201);
  });

  it.each(fieldCases.filter(({ definition }) => definition.operations.includes('update')))(
    '$label: a merge PATCH naming another patient is refused, sending no write',
    async ({ definition, field, path }) => {
      for (const spelling of spellingsOf(field)) {
        refused((await send('PATCH', `/${definition.path}/rec-1`, withValue({}, path, spelling))).status);
      }
      expect(sentWrites()).toEqual([]);
    },
  );

  it.each(
    fieldCases.filter(({ definition }) =>
      Object.values(WIDGET_ACTIONS).some((route) => route.path === definition.path && route.method === 'POST'),
    ),
  )('$label: the widget action naming another patient is refused', async ({ definition, field, path }) => {
    const [action] = Object.entries(WIDGET_ACTIONS).find(([, route]) => route.path === definition.path && route.method === 'POST') as [
      string,
      unknown,
    ];
    const example = ownExample(definition.path);
    for (const spelling of spellingsOf(field)) {
      refused((await send('POST', '', { action, data: withValue(example, path, spelling) })).status);
    }
    expect(upstream.requests).toEqual([]);
  });
});

describe('a patient cannot take their own record out of their compartment', () => {
  it.each(PATIENT_LINKED.filter((definition) => definition.operations.includes('update')).map((definition) => [definition.path] as const))(
    '%s: a merge PATCH clearing the patient link is refused, sending no write',
    async (path) => {
      refused((await send('PATCH', `/${path}/rec-1`, { patientId: null })).status);
      expect(sentWrites()).toEqual([]);
    },
  );
});

describe('FHIR bodies: every patient-linked type', () => {
  it.each(PATIENT_LINKED.map((definition) => [definition.path, definition] as const))(
    '%s: a FHIR create linked to another patient, or to a patient by identifier, is refused',
    async (_path, definition) => {
      for (const spelling of SPELLINGS) {
        const body = JSON.parse(
          JSON.stringify(recordOf(definition, 'x', OWN)).replaceAll(`Patient/${OWN}`, spelling.replace(/\n/g, '\\n').replace(/\t/g, '\\t')),
        );
        delete body.id;
        refused((await send('POST', `/${definition.path}`, body)).status);
      }
      // Theirs by its link, but naming another patient elsewhere, or a patient only by identifier.
      const own = { ...recordOf(definition, 'x', OWN), id: undefined };
      refused(
        (await send('POST', `/${definition.path}`, { ...own, note: [{ authorReference: { reference: ` Patient/${OTHER}` }, text: 'x' }] }))
          .status,
      );
      refused(
        (await send('POST', `/${definition.path}`, { ...own, performer: [{ type: 'Patient', identifier: { value: 'MRN-2' } }] })).status,
      );
      refused((await send('POST', `/${definition.path}`, { ...own, contained: [{ resourceType: 'Patient', id: 'c' }] })).status);
      expect(upstream.requests).toEqual([]);
    },
  );

  it.each(
    PATIENT_LINKED.filter((definition) => definition.operations.includes('update')).map(
      (definition) => [definition.path, definition] as const,
    ),
  )('%s: a JSON Patch is checked on the record it would produce', async (_path, definition) => {
    const link = `/${(definition.patientLink as string).split('.').join('/0/')}/reference`;
    const patches = [
      ...SPELLINGS.map((spelling) => [{ op: 'replace', path: link, value: spelling }]),
      [{ op: 'add', path: '/contained', value: [{ resourceType: 'Patient', id: 'c' }] }],
      [{ op: 'copy', from: '/id', path: link }],
      [{ op: 'remove', path: link }],
    ];
    for (const patch of patches) {
      const response = await send('PATCH', `/${definition.path}/rec-1`, patch, 'application/json-patch+json');
      expect([403, 404, 409], JSON.stringify(patch)).toContain(response.status);
    }
    expect(sentWrites()).toEqual([]);
    // A harmless patch of their own record goes through, pinned to the version checked.
    const ok = await send(
      'PATCH',
      `/${definition.path}/rec-1`,
      [{ op: 'add', path: '/meta', value: { tag: [] } }],
      'application/json-patch+json',
    );
    expect(ok.status).toBe(200);
    expect(sentWrites().at(-1)?.headers['if-match']).toBe('W/"1"');
  });
});
