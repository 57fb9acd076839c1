/**
 * One request through the proxy, top to bottom: hygiene, the stranger limit, who is asking, the per-user limit, the
 * call, the policy and the key, what it will spend, the hop. Each step is a plain function that returns what the next
 * needs or throws a `ProxyError`; any failure leaves as the error envelope. The audit record is written from
 * `ProxyRequestState` when the response closes, whatever happened.
 */
import type { Request, Response } from 'express';
import { createAccessAnswers, isAccessRequest } from './access.ts';
import { writeAudit } from './audit.ts';
import type { ApiCall, HttpMethod } from './call.ts';
import { ProxyError, sendError } from './errors.ts';
import { readJsonBody, refuseBody } from './hygiene/body.ts';
import { checkCsrf } from './hygiene/csrf.ts';
import { checkMethod, checkRequestHeaders, forwardedHeaders } from './hygiene/request-headers.ts';
import { checkRequestTarget, type RequestTarget } from './hygiene/request-target.ts';
import type { ProxySettings } from './options.ts';
import { decide, type Allow, type PolicyDecision } from './policy/policy.ts';
import { createVisibility, type Visibility } from './policy/visibility.ts';
import { newRequestId, type ProxyRequestState, type ProxyUser } from './request-context.ts';
import { createSpend } from './limits/spend.ts';
import { isProxyUser } from './session/session.ts';
import { checkScope, type PreparedKey } from './upstream/api-key.ts';
import { forward, type ForwardSettings } from './upstream/forward.ts';
import { createTransport } from './upstream/transport.ts';

/** A request the policy allowed, with everything the hop needs. */
interface Approved {
  readonly call: ApiCall;
  readonly key: PreparedKey;
  readonly compartment: Allow['compartment'];
  readonly visibility: Visibility;
}

/** The audit state of a new request; its record is written when the response closes. */
export function startRequest(settings: ProxySettings, res: Response): ProxyRequestState {
  const state: ProxyRequestState = { requestId: newRequestId(), startedAt: performance.now(), patientIds: new Set() };
  res.removeHeader('x-powered-by');
  res.once('close', () => {
    try {
      writeAudit(settings.logger, state, res);
    } catch {
      // A failing logger must not take the process down; there is nowhere left to report it.
    }
  });
  return state;
}

/** Method, target and header hygiene: before any session work. */
export function checkEntry(req: Request): RequestTarget {
  checkMethod(req.method);
  const target = checkRequestTarget(req.url, req.originalUrl);
  checkRequestHeaders(req.headers, target.query);
  return target;
}

/** Who is asking (401 when nobody), then CSRF for cookie sessions. */
export async function signIn(settings: ProxySettings, req: Request, res: Response, state: ProxyRequestState): Promise<ProxyUser> {
  const result = await settings.session.authenticate(req, res);
  state.transport = result.transport;
  if (!result.user) {
    settings.anonymousLimit?.noteFailure(req);
    throw new ProxyError('UNAUTHORIZED', 'Sign in to continue', { reason: result.reason ?? 'session:none' });
  }
  if (!isProxyUser(result.user))
    throw new ProxyError('INTERNAL_ERROR', 'The session returned an invalid user', { reason: 'session:invalid-user' });
  state.user = result.user;
  checkCsrf(req.method, req.headers, result.transport, settings.csrf);
  return result.user;
}

/** The call: a path of the API (or a widget action), with its bounded, parsed body. */
async function resolveCall(
  settings: ProxySettings,
  req: Request,
  { path, query }: RequestTarget,
  state: ProxyRequestState,
): Promise<ApiCall> {
  const { dialect } = settings;
  const method = req.method as HttpMethod;
  if (path === '/' && (method !== 'POST' || !dialect.resolveAction)) {
    // Cliniko's API has nothing at the root: no actions protocol to take a POST there.
    if (!dialect.resolveAction) throw new ProxyError('NOT_FOUND', 'No such resource path', { reason: 'path:mount-root' });
    throw new ProxyError(method === 'GET' ? 'NOT_FOUND' : 'METHOD_NOT_ALLOWED', 'The proxy root takes widget actions (POST) only', {
      reason: 'path:mount-root',
      ...(method === 'GET' ? {} : { headers: { allow: 'POST' } }),
    });
  }
  // Resolve the path before reading a body, so an unknown path costs no upload.
  const rest = path === '/' ? undefined : dialect.resolveRest(method, path, query);
  if (rest && !dialect.takesBody(rest)) {
    refuseBody(req);
    state.call = rest;
    return rest;
  }
  const body = await readJsonBody(req, settings.bodyLimit);
  // Without `rest` the path is the root, which only a dialect with an action protocol lets through (above).
  const call = rest
    ? { ...rest, body: body?.value, contentType: body?.contentType }
    : (dialect.resolveAction as NonNullable<typeof dialect.resolveAction>)(query, body);
  state.call = call;
  // An invalid body is refused here, before it costs an upstream call (or two); it has counted against the user's limit.
  dialect.checkBody(call, settings.validateBodies);
  return call;
}

function refusal(decision: PolicyDecision & { effect: 'deny' }): ProxyError {
  return decision.status === 404
    ? new ProxyError('NOT_FOUND', 'Resource not found', { reason: decision.reason })
    : new ProxyError('FORBIDDEN', 'You do not have access to this', { reason: decision.reason });
}

/**
 * Beyond the call itself: every type the query names must be readable by the user, and every resource embedded in
 * a write body writable — each decided by the same policy, before anything is sent.
 */
async function refuseUngranted(settings: ProxySettings, visibility: Visibility, call: ApiCall, user: ProxyUser): Promise<void> {
  const related = settings.dialect.related(call);
  const asked: [string, PolicyDecision | PromiseLike<PolicyDecision>][] = related.reads.map((definition) => [
    `include:not-granted:${definition.path}`,
    visibility(definition),
  ]);
  for (const { definition, resource } of related.embeds) {
    const request = {
      user,
      purpose: 'embed',
      method: 'POST',
      interaction: 'create',
      resource: definition,
      id: undefined,
      query: new URLSearchParams(),
      body: resource,
      action: undefined,
    } as const;
    asked.push([`embed:not-granted:${definition.path}`, decide(settings.policy, request)]);
  }
  const decisions = await Promise.all(asked.map(([, decision]) => decision));
  const denied = decisions.findIndex((decision) => decision.effect === 'deny');
  if (denied >= 0) throw new ProxyError('FORBIDDEN', 'You do not have access to this', { reason: (asked[denied] as [string, unknown])[0] });
}

/** The policy decides; then what the call names and carries, then the key and its scopes. Nothing has left yet. */
async function authorize(
  settings: ProxySettings,
  req: Request,
  call: ApiCall,
  user: ProxyUser,
  state: ProxyRequestState,
): Promise<Approved> {
  settings.dialect.notePatients(call, state.patientIds);
  const decision = await decide(settings.policy, {
    user,
    purpose: 'call',
    method: call.method,
    interaction: call.interaction,
    resource: call.resource,
    id: call.id,
    // A copy, so a policy that mutates it cannot change the call.
    query: new URLSearchParams(call.query),
    body: call.body,
    action: call.action,
    parents: call.parents,
  });
  state.decision = decision.effect;
  state.reason = decision.reason;
  if (decision.effect === 'deny') throw refusal(decision);
  for (const id of decision.patientIds ?? []) state.patientIds.add(id);
  // A rewritten query meets the same checks: a policy narrows a call, it cannot smuggle parameters into it.
  const approved = decision.query ? { ...call, query: settings.dialect.checkQuery(call, decision.query) } : call;
  state.call = approved;
  const visibility = createVisibility(settings.policy, user);
  await refuseUngranted(settings, visibility, approved, user);
  const key = await settings.keys(user, req);
  state.upstream = { environment: key.upstream.environment ?? 'live', shard: key.upstream.shard, keyFingerprint: key.fingerprint };
  checkScope(key.scopes, approved.method);
  return { call: approved, key, compartment: decision.compartment, visibility };
}

/** Every failure leaves as the error envelope — never Express's HTML page, which can carry a stack trace. */
export function fail(error: unknown, res: Response, state: ProxyRequestState): void {
  const failure =
    error instanceof ProxyError
      ? error
      : new ProxyError('INTERNAL_ERROR', 'Unexpected proxy error', {
          reason: `internal:${error instanceof Error ? error.name : 'unknown'}`,
        });
  // A refusal after the policy allowed the call itself (a type its includes name, a record withheld) is a denial.
  if (state.decision === undefined || failure.code === 'FORBIDDEN' || failure.code === 'NOT_FOUND') {
    state.decision = 'deny';
    state.reason = failure.reason;
  }
  state.error = failure.reason;
  if (failure.reason.startsWith('upstream:')) state.outcome ??= 'upstream-failed';
  sendError(res, state.requestId, failure);
}

/** The proxy's handler for `settings`; its transport (http-proxy-middleware) is created here, once. */
export function createPipeline(settings: ProxySettings): (req: Request, res: Response) => Promise<void> {
  const spend = createSpend(settings.patientWrites, settings.budget, settings.dialect);
  const answerAccess = createAccessAnswers(settings);
  const forwardSettings: ForwardSettings = {
    transport: createTransport({ agents: settings.agents, timeouts: settings.timeouts }),
    responseLimit: settings.responseLimit,
    dialect: settings.dialect,
  };
  return async (req, res) => {
    const state = startRequest(settings, res);
    try {
      if (settings.cors?.handle(req, res)) {
        state.decision = 'allow';
        state.reason = 'cors:preflight';
        return;
      }
      const target = checkEntry(req);
      settings.anonymousLimit?.check(req);
      const user = await signIn(settings, req, res, state);
      await settings.rateLimiter?.count(user, res);
      if (isAccessRequest(settings, target)) return await answerAccess(req, res, target, user, state);
      const call = await resolveCall(settings, req, target, state);
      const { key, compartment, visibility, call: approved } = await authorize(settings, req, call, user, state);
      await spend?.(approved, user, key, compartment);
      const clientHeaders = forwardedHeaders(req.headers);
      await forward({ req, res, state, call: approved, key, clientHeaders, compartment, visibility }, forwardSettings);
    } catch (error) {
      fail(error, res, state);
    }
  };
}
