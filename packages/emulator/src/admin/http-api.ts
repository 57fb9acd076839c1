/**
 * The admin HTTP API: the dashboard stand-in over HTTP, served on its own port, on 127.0.0.1 only, behind its own
 * bearer token (never an API key). The CLI uses it when a running server owns the data.
 *
 *   GET  /organisations                      POST /organisations            GET /organisations/{id}
 *   GET  /organisations/{id}/keys            POST /organisations/{id}/keys  POST /keys/{keyId}/revoke
 *   POST /organisations/{id}/seed            { "environment": "test" }
 *   GET  /organisations/{id}/webhooks        POST /organisations/{id}/webhooks   DELETE /webhooks/{webhookId}
 *   GET  /webhooks/{webhookId}/deliveries
 */
import { ApiError } from '@clinikapi/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorAdmin } from '../admin.ts';
import { readJsonBody } from '../http/body.ts';
import { parseBody } from '../validation/parse-body.ts';
import type { ApiKeyRecord } from '../store/types.ts';

/** What a key listing shows: never the key, and not its hash either. */
export const keyView = ({ keyHash: _keyHash, ...record }: ApiKeyRecord): Omit<ApiKeyRecord, 'keyHash'> => record;

/** Compares in time independent of where the strings differ, so the token cannot be guessed byte by byte. */
function sameSecret(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}

const seedSchema = z.strictObject({ environment: z.enum(['test', 'live'], { error: 'Must be test or live' }).optional() });

export function createAdminApi(admin: EmulatorAdmin, token: string): Hono {
  const app = new Hono();
  const requestIdOf = (): string => `adm_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

  app.use(async (c, next) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented || !sameSecret(presented, token)) throw new ApiError('UNAUTHORIZED', 'Send the admin token as Authorization: Bearer …');
    await next();
  });

  app.get('/organisations', async (c) => c.json({ data: await admin.listOrganisations() }));
  app.post('/organisations', async (c) => c.json({ data: await admin.createOrganisation((await readJsonBody(c.req.raw)) as never) }, 201));
  app.get('/organisations/:id', async (c) => {
    const organisation = await admin.findOrganisation(c.req.param('id'));
    if (!organisation) throw new ApiError('NOT_FOUND', 'No such organisation');
    return c.json({ data: organisation });
  });
  app.get('/organisations/:id/keys', async (c) => {
    if (!(await admin.findOrganisation(c.req.param('id')))) throw new ApiError('NOT_FOUND', 'No such organisation');
    return c.json({ data: (await admin.listKeys(c.req.param('id'))).map(keyView) });
  });
  app.post('/organisations/:id/keys', async (c) => {
    const body = (await readJsonBody(c.req.raw)) as Record<string, unknown>;
    const created = await admin.createKey({
      ...(typeof body === 'object' && body !== null ? body : {}),
      organisationId: c.req.param('id'),
    } as never);
    return c.json({ data: { key: created.key, record: keyView(created.record) } }, 201);
  });
  app.post('/keys/:keyId/revoke', async (c) => {
    if (!(await admin.revokeKey(c.req.param('keyId')))) throw new ApiError('NOT_FOUND', 'No such key');
    return c.json({ data: { revoked: true } });
  });
  app.post('/organisations/:id/seed', async (c) => {
    // The body is optional here: no body means the test datastore.
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
    const { environment } = parseBody(seedSchema, hasBody ? await readJsonBody(c.req.raw) : {});
    return c.json({ data: await admin.seedDemoData(c.req.param('id'), environment ?? 'test') }, 201);
  });

  app.get('/organisations/:id/webhooks', async (c) => c.json({ data: await admin.listWebhooks(c.req.param('id')) }));
  app.post('/organisations/:id/webhooks', async (c) => {
    const body = (await readJsonBody(c.req.raw)) as Record<string, unknown>;
    const created = await admin.createWebhook({
      ...(typeof body === 'object' && body !== null ? body : {}),
      organisationId: c.req.param('id'),
    } as never);
    return c.json({ data: created }, 201);
  });
  app.delete('/webhooks/:webhookId', async (c) => {
    if (!(await admin.deleteWebhook(c.req.param('webhookId')))) throw new ApiError('NOT_FOUND', 'No such webhook');
    return c.json({ data: { deleted: true } });
  });
  app.get('/webhooks/:webhookId/deliveries', async (c) => {
    const limit = Number(c.req.query('limit') ?? 50);
    return c.json({ data: await admin.listDeliveries(c.req.param('webhookId'), Number.isInteger(limit) ? limit : 50) });
  });

  app.notFound(() => {
    throw new ApiError('NOT_FOUND', 'No such admin route');
  });
  app.onError((error, c) => {
    const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR', 'Unexpected admin error');
    if (!(error instanceof ApiError)) console.error(`[clinikapi-emulator admin] ${error.name}: ${error.stack ?? error.message}`);
    return c.json(apiError.toBody(requestIdOf()), apiError.status as 400);
  });
  return app;
}
