/**
 * The Cliniko admin API: the dashboard stand-in over HTTP for the CLI while a server holds the data dir. Served on
 * its own port on 127.0.0.1 only, behind its own bearer token (never a Cliniko key). Answers `{ data }` or
 * `{ error }`.
 *
 *   GET  /accounts                  POST /accounts              { name, timeZone?, country?, subdomain? }
 *   GET  /accounts/{id}/users       POST /accounts/{id}/users   { firstName, lastName, email, role?, title? }
 *   GET  /accounts/{id}/keys        POST /users/{id}/keys       POST /keys/{id}/revoke
 *   POST /seed                      { accountId? }
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { ClinikoAdminError, type ClinikoAdmin, type CreateAccountInput, type CreateUserInput } from '../admin.ts';
import { readBody } from '../http/body.ts';

function sameSecret(presented: string, token: string): boolean {
  const [a, b] = [Buffer.from(presented), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createClinikoAdminApi(admin: ClinikoAdmin, token: string): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented || !sameSecret(presented, token)) return c.json({ error: 'Send the admin token as Authorization: Bearer …' }, 401);
    await next();
  });
  app.get('/accounts', async (c) => c.json({ data: await admin.listAccounts() }));
  app.post('/accounts', async (c) =>
    c.json({ data: await admin.createAccount((await readBody(c.req.raw)) as unknown as CreateAccountInput) }, 201),
  );
  app.get('/accounts/:id/users', async (c) => c.json({ data: await admin.listUsers(c.req.param('id')) }));
  app.post('/accounts/:id/users', async (c) => {
    const body = (await readBody(c.req.raw)) as unknown as CreateUserInput;
    return c.json({ data: await admin.createUser({ ...body, accountId: c.req.param('id') }) }, 201);
  });
  app.get('/accounts/:id/keys', async (c) => c.json({ data: await admin.listKeys(c.req.param('id')) }));
  app.post('/users/:id/keys', async (c) => c.json({ data: await admin.createKey({ userId: c.req.param('id') }) }, 201));
  app.post('/keys/:id/revoke', async (c) => {
    if (!(await admin.revokeKey(c.req.param('id')))) throw new ClinikoAdminError('No such key', true);
    return c.json({ data: { revoked: true } });
  });
  app.post('/seed', async (c) => {
    const { accountId } = await readBody(c.req.raw);
    return c.json({ data: await admin.seed(typeof accountId === 'string' ? { accountId } : {}) }, 201);
  });
  app.notFound((c) => c.json({ error: 'No such admin route' }, 404));
  app.onError((error, c) => {
    if (error instanceof ClinikoAdminError) return c.json({ error: error.message }, error.notFound ? 404 : 400);
    console.error(`[cliniko-emulator admin] ${error.name}: ${error.stack ?? error.message}`);
    return c.json({ error: 'Unexpected admin error' }, 500);
  });
  return app;
}
