/**
 * `POST /v1/bulk/import`: NDJSON of one resource type, at most 10,000 records. Each line is checked on its own; the
 * valid ones are written in one transaction with the caller's tenant tag (whatever tag a line carried), and each
 * invalid line is reported by number and rule — never by its content.
 */
import { ApiError, findResourceByType, type Resource } from '@clinikapi/core';
import { z } from 'zod';
import { MAX_DEPTH, depthOf } from '../validation/depth.ts';
import { parseBody } from '../validation/parse-body.ts';
import { fhirResourceIssues, withoutServerFields } from '../resources/fhir-json.ts';
import { stamp, type Scope, type ServiceDeps } from '../resources/service.ts';
import type { BulkJob, StoredResource } from '../store/types.ts';

export const MAX_IMPORT_RECORDS = 10_000;
/** The documented ceiling of `data` (100 MiB); the request body may be a little larger for the JSON around it. */
export const MAX_IMPORT_BYTES = 104_857_600;
/** Problems reported per job; a file that is wrong throughout does not need 10,000 copies of the same message. */
const MAX_REPORTED_ERRORS = 100;

export const importRequestSchema = z.strictObject({
  resourceType: z.string({ error: 'Required' }).refine((type) => findResourceByType(type) !== undefined, {
    error: 'Must be a resource type of the API, e.g. Patient or Observation',
  }),
  data: z.string({ error: 'Required' }).max(MAX_IMPORT_BYTES, { error: 'At most 100 MiB of NDJSON' }),
});

export interface PreparedImport {
  readonly records: StoredResource[];
  /** Line number of each record, to report skipped ids. */
  readonly lineOf: ReadonlyMap<string, number>;
  readonly errors: string[];
  readonly total: number;
}

/** Parses and checks every line; throws only when the request as a whole is unusable. */
export function prepareImport(deps: ServiceDeps, scope: Scope, body: unknown): PreparedImport {
  const request = parseBody(importRequestSchema, body);
  const lines = request.data
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '');
  if (lines.length === 0) throw new ApiError('BAD_REQUEST', 'data has no NDJSON lines');
  if (lines.length > MAX_IMPORT_RECORDS) {
    throw new ApiError('BAD_REQUEST', `An import takes at most ${MAX_IMPORT_RECORDS} records; split the file into batches`);
  }
  const lastUpdated = new Date(deps.now()).toISOString();
  const records: StoredResource[] = [];
  const lineOf = new Map<string, number>();
  const errors: string[] = [];
  const report = (number: number, problem: string): void => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(`line ${number}: ${problem}`);
  };

  for (const { line, number } of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      report(number, 'not valid JSON');
      continue;
    }
    if (depthOf(value) > MAX_DEPTH) {
      report(number, `nested more than ${MAX_DEPTH} levels deep`);
      continue;
    }
    const issues = fhirResourceIssues(value, request.resourceType);
    if (issues.length > 0) {
      report(number, (issues[0] as { diagnostics: string }).diagnostics);
      continue;
    }
    const resource = withoutServerFields(value as Resource);
    // Ids are kept so that references between imported records still point at each other.
    const id = resource.id ?? crypto.randomUUID();
    if (lineOf.has(id)) {
      report(number, `the id is used by line ${lineOf.get(id)} too`);
      continue;
    }
    lineOf.set(id, number);
    records.push({
      ...scope,
      resourceType: request.resourceType,
      id,
      version: 1,
      lastUpdated,
      body: stamp(resource, id, 1, lastUpdated, scope.tenant),
    });
  }
  return { records, lineOf, errors, total: lines.length };
}

/** The job that describes a finished import. */
export function importJob(id: string, scope: Scope, prepared: PreparedImport, skipped: readonly string[], createdAt: string): BulkJob {
  const errors = [...prepared.errors];
  for (const skippedId of skipped) {
    if (errors.length >= MAX_REPORTED_ERRORS) break;
    errors.push(`line ${prepared.lineOf.get(skippedId)}: a record with this id already exists`);
  }
  const processed = prepared.records.length - skipped.length;
  return {
    id,
    ...scope,
    type: 'import',
    status: processed === 0 && errors.length > 0 ? 'failed' : 'completed',
    totalRecords: prepared.total,
    processedRecords: processed,
    errors,
    output: null,
    createdAt,
  };
}
