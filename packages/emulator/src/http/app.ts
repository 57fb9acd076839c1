/** The emulator's HTTP surface as a fetch handler (Request → Response), the same in Node and in the browser. */
import { ApiError, findResource } from '@clinikapi/core';
import { Hono } from 'hono';
import { authenticate } from '../auth/authenticate.ts';
import type { KeyCache } from '../auth/key-cache.ts';
import { scopeAllows } from '../auth/principal.ts';
import { mountBulkRoutes } from '../bulk/routes.ts';
import { capabilityStatement } from '../fhir/capability.ts';
import { mountFhirRoutes } from '../fhir/routes.ts';
import { mountResourceRoutes } from '../resources/routes.ts';
import type { ServiceDeps } from '../resources/service.ts';
import type { EmulatorStore } from '../store/types.ts';
import type { EmulatorEnv } from './context.ts';
import { rateLimitHeaders } from './envelope.ts';
import type { QuotaMeter } from './quota.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface AppDependencies {
  readonly store: EmulatorStore;
  readonly keys: KeyCache;
  readonly rateLimiter: RateLimiter;
  /** Bulk exports per organisation per hour. */
  readonly exportLimiter: RateLimiter;
  readonly quotas: QuotaMeter;
  readonly now: () => number;
  readonly shard?: string | undefined;
  /** Where unexpected errors are reported; never given request bodies. */
  readonly onUnexpectedError: (error: unknown) => void;
  /** Told of every committed write (the webhook queue). */
  readonly onChange?: ServiceDeps['onChange'];
}

const METHOD_OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];

const newRequestId = (): string => `req_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

export function createApp(deps: AppDependencies): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.use(async (c, next) => {
    c.set('response', { requestId: newRequestId(), now: new Date(deps.now()) });
    await next();
    c.header('x-request-id', c.var.response.requestId);
    const headers = { ...rateLimitHeaders(c.var.response.rateLimit), ...c.var.response.quotaHeaders };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  });

  app.use(async (c, next) => {
    if (METHOD_OVERRIDE_HEADERS.some((name) => c.req.header(name) !== undefined)) {
      throw new ApiError('METHOD_OVERRIDE_REJECTED', 'Send the HTTP method you mean; method-override headers are refused');
    }
    await next();
  });

  app.get('/health', (c) => c.json({ status: 'ok', timestamp: new Date(deps.now()).toISOString() }));
  app.get('/v1/metadata', (c) =>
    c.body(JSON.stringify(capabilityStatement(new URL(c.req.url).origin, new Date(deps.now()).toISOString())), 200, {
      'content-type': 'application/fhir+json; charset=utf-8',
    }),
  );

  app.use('/v1/*', async (c, next) => {
    const principal = await authenticate(c.req.raw.headers, deps);
    c.set('principal', principal);
    const rateLimit = deps.rateLimiter.hit(principal.organisationId, principal.plan);
    c.set('response', { ...c.var.response, rateLimit });
    if (rateLimit.exceeded) {
      throw new ApiError('RATE_LIMITED', 'Plan request limit exceeded', {
        headers: { 'Retry-After': String(rateLimit.resetSeconds) },
      });
    }
    const quota = deps.quotas.hit(principal);
    c.set('response', { ...c.var.response, quotaHeaders: quota.headers });
    if (quota.exceeded) {
      const retryAfter = Math.max(1, Math.ceil((Date.parse(quota.headers['X-Quota-Reset'] as string) - deps.now()) / 1000));
      throw new ApiError(
        quota.exceeded,
        quota.exceeded === 'SANDBOX_QUOTA_EXCEEDED'
          ? 'Monthly sandbox request allowance used up; it resets on the 1st (UTC)'
          : 'Monthly request quota reached. Enable overage billing or upgrade your plan to keep serving traffic.',
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    if (!scopeAllows(principal.scopes, c.req.method)) {
      throw new ApiError('FORBIDDEN', `This API key lacks the ${c.req.method === 'GET' ? 'read' : 'write'} scope`);
    }
    await next();
  });

  // The passthrough and bulk routes first: `/v1/fhir/…` and `/v1/bulk/…` would otherwise match `/v1/:resource/…`.
  const service: ServiceDeps = { store: deps.store, now: deps.now, onChange: deps.onChange };
  mountFhirRoutes(app, service);
  mountBulkRoutes(app, { ...service, exportLimiter: deps.exportLimiter });
  mountResourceRoutes(app, service);

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    // A catalogue path with a method it does not have is a 405 that names the methods it does have.
    const match = /^\/v1\/([a-z-]+)(\/[^/]+)?$/.exec(path);
    if (match && findResource(match[1] as string)) {
      const allowedMethods = match[2] ? ['GET', 'PATCH', 'DELETE'] : ['GET', 'POST'];
      throw new ApiError('METHOD_NOT_ALLOWED', `${c.req.method} is not supported here; use ${allowedMethods.join(', ')}`, {
        headers: { Allow: allowedMethods.join(', ') },
      });
    }
    // The path is not repeated: whatever a client put in it is theirs, not the error's.
    throw new ApiError('NOT_FOUND', 'No such route; see GET /v1/metadata for the resource types');
  });

  app.onError((error, c) => {
    const apiError =
      error instanceof ApiError ? error : (deps.onUnexpectedError(error), new ApiError('INTERNAL_ERROR', 'Unexpected server error'));
    const requestId = c.var.response?.requestId ?? newRequestId();
    const headers: Record<string, string> = {
      'x-request-id': requestId,
      ...rateLimitHeaders(c.var.response?.rateLimit),
      ...c.var.response?.quotaHeaders,
      ...apiError.headers,
    };
    return c.json(apiError.toBody(requestId), apiError.status as 400, headers);
  });

  return app;
}
