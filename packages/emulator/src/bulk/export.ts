/**
 * `POST /v1/bulk/export`: the caller's records of the requested types as NDJSON, produced when the job is created
 * (the emulator has no queue) and served from `GET /v1/bulk/jobs/{jobId}/output`.
 */
import { dateTimeSchema, findResourceByType } from '@clinikapi/core';
import { z } from 'zod';
import type { Scope, ServiceDeps } from '../resources/service.ts';
import type { BulkJob } from '../store/types.ts';

/** The emulator keeps exports in its database; beyond this the job fails and asks for narrower types or `since`. */
export const MAX_EXPORT_RECORDS = 100_000;
const PAGE = 1000;

export const exportRequestSchema = z.strictObject({
  resourceTypes: z
    .array(
      z.string({ error: 'Must be text' }).refine((type) => findResourceByType(type) !== undefined, {
        error: 'Must be a resource type of the API, e.g. Patient or Observation',
      }),
      { error: (issue) => (issue.input === undefined ? 'Required' : 'Must be a list of resource types') },
    )
    .min(1, { error: 'Add at least one' })
    .max(62, { error: 'At most 62 items' }),
  since: z.optional(dateTimeSchema({ dateAllowed: false })),
});

export type ExportRequest = z.output<typeof exportRequestSchema>;

export async function runExport(deps: ServiceDeps, scope: Scope, request: ExportRequest, id: string, createdAt: string): Promise<BulkJob> {
  const lines: string[] = [];
  const since = request.since ? new Date(Date.parse(request.since)).toISOString() : undefined;
  for (const resourceType of new Set(request.resourceTypes)) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await deps.store.searchResources(
        { ...scope, resourceType },
        { filters: since ? [{ kind: 'updatedAfter', after: since }] : [], sort: [{ field: 'id', descending: false }], offset, limit: PAGE },
      );
      for (const stored of page.resources) lines.push(JSON.stringify(stored.body));
      if (lines.length > MAX_EXPORT_RECORDS) {
        return {
          id,
          ...scope,
          type: 'export',
          status: 'failed',
          totalRecords: 0,
          processedRecords: 0,
          errors: [`More than ${MAX_EXPORT_RECORDS} records: export fewer types or use since`],
          output: null,
          createdAt,
        };
      }
      if (page.resources.length < PAGE) break;
    }
  }
  return {
    id,
    ...scope,
    type: 'export',
    status: 'completed',
    totalRecords: lines.length,
    processedRecords: lines.length,
    errors: [],
    output: lines.length > 0 ? `${lines.join('\n')}\n` : '',
    createdAt,
  };
}
