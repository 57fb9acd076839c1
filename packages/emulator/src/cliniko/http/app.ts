/**
 * The Cliniko API of one shard as a fetch handler. In order: the shard the request names (another shard: bare 404),
 * the test-only control routes when enabled, then for `/v1`: User-Agent, Basic auth, the per-user rate limit, the
 * resource routes. Errors become Cliniko's answers in one place; the request log says whether a key was sent and
 * on which shard — never the key, the query string (filters hold names) or a body.
 */
import { Hono } from 'hono';
import { authenticate } from '../auth/authenticate.ts';
import { mountControlRoutes, type ControlState } from '../control.ts';
import { mountAppointmentTypes } from '../resources/appointment-types.ts';
import { mountAvailableTimes } from '../resources/available-times.ts';
import { mountBusinesses } from '../resources/businesses.ts';
import { mountIndividualAppointments } from '../resources/individual-appointments.ts';
import { mountLegacyAppointments } from '../resources/legacy-appointments.ts';
import { mountMedicalAlerts } from '../resources/medical-alerts.ts';
import { mountPatients } from '../resources/patients.ts';
import { mountPractitioners } from '../resources/practitioners.ts';
import { mountScheduleInputs } from '../resources/schedule-inputs.ts';
import { mountSettings } from '../resources/settings.ts';
import { mountUsers } from '../resources/users.ts';
import type { ClinikoStore } from '../store/types.ts';
import { ClinikoError, notFound } from '../errors.ts';
import { errorResponse } from './error-response.ts';
import { linksOn } from './links.ts';
import type { ClinikoRateLimiter } from './rate-limit.ts';
import type { ClinikoBehaviour, ClinikoEnv } from './scope.ts';
import { shardRouteOf } from './shard-route.ts';
import { checkUserAgent } from './user-agent.ts';

export interface ClinikoAppDependencies {
  readonly store: ClinikoStore;
  readonly shard: string;
  readonly now: () => number;
  readonly behaviour: ClinikoBehaviour;
  readonly rateLimiter: ClinikoRateLimiter;
  /** Present when the control routes are on. */
  readonly control?: ControlState | undefined;
  /** One line per request; never a key, a query string or a body. */
  readonly log?: ((line: string) => void) | undefined;
  readonly onUnexpectedError: (error: unknown) => void;
}

/**
 * The v1 routes (exported so tests can walk every one). Lists come before `/:id` routes of the same collection, so
 * `/patients/archived` is not read as an id.
 */
export function v1Routes(): Hono<ClinikoEnv> {
  const v1 = new Hono<ClinikoEnv>();
  mountUsers(v1);
  mountSettings(v1);
  mountBusinesses(v1);
  mountPractitioners(v1);
  mountAppointmentTypes(v1);
  mountAvailableTimes(v1);
  mountPatients(v1);
  mountMedicalAlerts(v1);
  mountIndividualAppointments(v1);
  mountLegacyAppointments(v1);
  mountScheduleInputs(v1);
  return v1;
}

export function createClinikoApp(deps: ClinikoAppDependencies): (request: Request) => Promise<Response> {
  const routeOf = (request: Request) => shardRouteOf(new URL(request.url), request.headers.get('host'), deps.shard);
  const app = new Hono<ClinikoEnv>({ getPath: (request) => routeOf(request)?.path ?? '/' });
  if (deps.control) mountControlRoutes(app, deps.control);

  app.use('/v1/*', async (c, next) => {
    checkUserAgent(c.req.header('user-agent') ?? null, deps.behaviour);
    const caller = await authenticate(c.req.raw.headers, deps.shard, deps.store);
    const now = deps.now();
    deps.rateLimiter.hit(`${caller.account.id}:${caller.user.id}`, now);
    const url = new URL(c.req.url);
    c.set('scope', {
      store: deps.store,
      account: caller.account,
      user: caller.user,
      links: linksOn(`${url.origin}${routeOf(c.req.raw)?.prefix ?? ''}/v1`),
      url,
      now,
      behaviour: deps.behaviour,
    });
    await next();
  });
  app.route('/v1', v1Routes());

  app.notFound(() => {
    throw notFound();
  });
  app.onError((error) => {
    if (error instanceof ClinikoError) return errorResponse(error);
    deps.onUnexpectedError(error);
    return errorResponse(new ClinikoError(500, { message: 'Internal Server Error' }));
  });

  return async (request) => {
    const started = performance.now();
    const response = routeOf(request) ? await app.fetch(request) : new Response(null, { status: 404 });
    if (deps.log) {
      const path = new URL(request.url).pathname;
      const key = request.headers.has('authorization') ? 'sent' : 'none';
      deps.log(`${request.method} ${path} ${response.status} ${Math.round(performance.now() - started)}ms shard=${deps.shard} key=${key}`);
    }
    return response;
  };
}
