/** `/v1/bulk/export`, `/v1/bulk/import` and `/v1/bulk/jobs/{jobId}[/output]`, scoped to the caller's tenant. */
import type { Hono } from 'hono';
import { ApiError } from '@clinikapi/core';
import { readJsonBody } from '../http/body.ts';
import type { EmulatorEnv } from '../http/context.ts';
import { envelope } from '../http/envelope.ts';
import { idempotencyKeyOf, requestFingerprint } from '../http/idempotency.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { parseBody } from '../validation/parse-body.ts';
import { scopeOf, sendStored } from '../resources/routes.ts';
import { IDEMPOTENCY_WINDOW_MS, type ServiceDeps } from '../resources/service.ts';
import type { BulkJob } from '../store/types.ts';
import { exportRequestSchema, runExport } from './export.ts';
import { MAX_IMPORT_BYTES, importJob, prepareImport } from './import.ts';

export interface BulkDeps extends ServiceDeps {
  /** The documented 5 exports per hour per organisation. */
  readonly exportLimiter: RateLimiter;
}

/** An export's file can be downloaded for an hour, like the hosted API's pre-signed URL. */
export const EXPORT_TTL_MS = 60 * 60 * 1000;

const newJobId = (): string => `job_${crypto.randomUUID().replace(/-/g, '').slice(0, 24)}`;

function jobStatus(job: BulkJob, base: string): Record<string, unknown> {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    totalRecords: job.totalRecords,
    processedRecords: job.processedRecords,
    ...(job.type === 'export' && job.status === 'completed' ? { downloadUrl: `${base}/v1/bulk/jobs/${job.id}/output` } : {}),
    errors: job.errors,
    createdAt: job.createdAt,
  };
}

export function mountBulkRoutes(app: Hono<EmulatorEnv>, deps: BulkDeps): void {
  app.post('/v1/bulk/export', async (c) => {
    const request = parseBody(exportRequestSchema, await readJsonBody(c.req.raw));
    const { organisationId, plan } = c.var.principal;
    const limit = deps.exportLimiter.hit(organisationId, plan);
    if (limit.exceeded) {
      throw new ApiError('RATE_LIMITED', 'Bulk export is limited to 5 jobs per hour', {
        headers: { 'Retry-After': String(limit.resetSeconds) },
      });
    }
    const createdAt = new Date(deps.now()).toISOString();
    const job = await runExport(deps, scopeOf(c), request, newJobId(), createdAt);
    await deps.store.insertJob(job);
    return c.json(
      envelope(c.var.response, 202, { jobId: job.id, status: job.status, message: 'Export finished; download it from the job' }),
      202,
    );
  });

  app.post('/v1/bulk/import', async (c) => {
    const idempotencyKey = idempotencyKeyOf(c.req.raw.headers);
    const body = await readJsonBody(c.req.raw, MAX_IMPORT_BYTES + 1024);
    const scope = scopeOf(c);
    const prepared = prepareImport(deps, scope, body);
    const jobId = newJobId();
    const createdAt = new Date(deps.now()).toISOString();
    const response = {
      status: 202,
      headers: {},
      body: envelope(c.var.response, 202, {
        jobId,
        status: 'completed',
        message: 'Import finished; the job lists any lines that were not imported',
      }),
    };
    const outcome = await deps.store.insertResources(prepared.records, {
      skipExisting: true,
      idempotency:
        idempotencyKey === undefined
          ? undefined
          : {
              ...scope,
              key: idempotencyKey,
              fingerprint: await requestFingerprint('POST', '/v1/bulk/import', body),
              createdAt,
              reusableBefore: new Date(deps.now() - IDEMPOTENCY_WINDOW_MS).toISOString(),
              response,
            },
    });
    if (outcome.kind === 'replay') return sendStored(outcome.response, true);
    if (outcome.kind === 'idempotency-conflict')
      throw new ApiError('CONFLICT', 'This Idempotency-Key was already used with a different request');
    await deps.store.insertJob(importJob(jobId, scope, prepared, outcome.skipped, createdAt));
    return sendStored(response, false);
  });

  app.get('/v1/bulk/jobs/:jobId', async (c) => {
    const { datastore, tenant } = scopeOf(c);
    const job = await deps.store.findJob(datastore, tenant, c.req.param('jobId'));
    if (!job) throw new ApiError('NOT_FOUND', 'Bulk job not found');
    return c.json(envelope(c.var.response, 200, jobStatus(job, new URL(c.req.url).origin)));
  });

  app.get('/v1/bulk/jobs/:jobId/output', async (c) => {
    const { datastore, tenant } = scopeOf(c);
    const job = await deps.store.findJob(datastore, tenant, c.req.param('jobId'));
    if (!job || job.type !== 'export' || job.output === null) throw new ApiError('NOT_FOUND', 'Export file not found');
    if (Date.parse(job.createdAt) + EXPORT_TTL_MS < deps.now())
      throw new ApiError('NOT_FOUND', 'The export file has expired; start a new export');
    return new Response(job.output, { status: 200, headers: { 'content-type': 'application/fhir+ndjson' } });
  });
}
