/**
 * A patient with the records linked to it, in one call: `GET patients/{id}?_revinclude=Observation:subject&...`
 * answers a FHIR searchset Bundle. That call goes through the search index, which trails writes by about 10 s
 * (`data-consistency.mdx`); a patient created a moment ago may be missing from it. Then the record falls back to a
 * read by id — always consistent — marks itself incomplete and polls briefly until the index has caught up.
 */
import type { Bundle, PatientSummary, Patient, ResourceOf } from '@clinikapi/core';
import { queryOptions } from '@tanstack/react-query';
import type { ClinikClient } from '../client/client.ts';
import { ClinikNotFoundError, type ClinikApiError } from '../client/errors.ts';
import { clinikClientOf } from '../client/query-client-binding.ts';
import { patientRecordKeys } from './keys.ts';
import { PATIENT_REVINCLUDES, linkedPathOfType, type PatientLinkedPath } from './patient-links.ts';
import { isPatientSummary, patientSummaryFromFhir } from './patient-summary.ts';
import { recordPath } from './resource-queries.ts';

/** A patient and, per included path, its records. */
export interface PatientRecord<I extends PatientLinkedPath = never> {
  readonly patient: PatientSummary;
  /** The linked records per included path, e.g. `included.observations`. Empty lists while `complete` is false. */
  readonly included: { readonly [K in I]: readonly ResourceOf<K>[] };
  /**
   * False when the search index did not know the patient yet and the record came from a read by id: the patient is
   * current, the linked lists may not be. The query polls until it is true (for about as long as the index lags).
   */
  readonly complete: boolean;
}

/** How often, and how many times, an incomplete record is fetched again. */
export const RECORD_POLL_MS = 2_000;
export const RECORD_POLL_LIMIT = 8;

function isBundle(value: unknown): value is Bundle {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'Bundle';
}

/** `{ observations: [], ... }`: a list per included path, to fill or to leave empty. */
function emptyIncludes<I extends PatientLinkedPath>(include: readonly I[]): PatientRecord<I>['included'] {
  return Object.fromEntries(include.map((path) => [path, []])) as never;
}

/** The record in a searchset Bundle, or undefined when the Bundle does not contain the patient (index lag). */
function recordFromBundle<I extends PatientLinkedPath>(bundle: Bundle, id: string, include: readonly I[]): PatientRecord<I> | undefined {
  let patient: PatientSummary | undefined;
  // Plain lists while being filled; `PatientRecord<I>['included']` once returned.
  const included: Readonly<Record<string, unknown[] | undefined>> = emptyIncludes(include) as never;
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (!resource) continue;
    if (resource.resourceType === 'Patient' && resource.id === id) {
      patient = isPatientSummary(resource) ? resource : patientSummaryFromFhir(resource as Patient);
      continue;
    }
    const path = linkedPathOfType(resource.resourceType);
    if (path) included[path]?.push(resource);
  }
  return patient ? { patient, included: included as never, complete: true } : undefined;
}

async function fetchPatientRecord<I extends PatientLinkedPath>(
  client: ClinikClient,
  id: string,
  include: readonly I[],
): Promise<PatientRecord<I>> {
  let body: unknown;
  try {
    const json: unknown = await client.request('GET', recordPath('patients', id), {
      query: { _revinclude: include.map((path) => PATIENT_REVINCLUDES[path]) },
    });
    body = isBundle(json) ? json : (json as { data?: unknown } | undefined)?.data;
  } catch (error) {
    // A 404 from the search may only mean "not indexed yet"; the read by id below is the authority.
    if (!(error instanceof ClinikNotFoundError)) throw error;
  }
  const record = isBundle(body)
    ? recordFromBundle(body, id, include)
    : isPatientSummary(body)
      ? // A server that ignores `_revinclude` answers the plain read: the patient is right, the lists unknown.
        { patient: body, included: emptyIncludes(include), complete: include.length === 0 }
      : undefined;
  if (record) return record;
  const read = await client.request<PatientSummary>('GET', recordPath('patients', id));
  return { patient: read.data, included: emptyIncludes(include), complete: false };
}

export const patientRecordQueries = {
  /** The record of patient `id` with the records of each path in `include`. */
  detail: <I extends PatientLinkedPath = never>(id: string, include: readonly I[] = []) =>
    queryOptions<PatientRecord<I>, ClinikApiError, PatientRecord<I>, ReturnType<typeof patientRecordKeys.record>>({
      queryKey: patientRecordKeys.record(id, include),
      // No abort signal, as for every query (see `resource-queries.ts`): leaving the screen does not cancel the read.
      queryFn: ({ client }) => fetchPatientRecord(clinikClientOf(client), id, include),
      refetchInterval: (query) =>
        query.state.data && !query.state.data.complete && query.state.dataUpdateCount < RECORD_POLL_LIMIT ? RECORD_POLL_MS : false,
    }),
};
