/**
 * The stages of a request, each a small Express handler built once from the settings. `router.ts` only composes
 * them in order; each stage reads what earlier ones left in the request state and throws a `ProxyError` to stop.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler } from 'express';
import type { ApiCall, HttpMethod } from './call.ts';
import { writeAudit } from './audit.ts';
import type { ApiDialect } from './dialect.ts';
import { ProxyError, sendError } from './errors.ts';
import { readJsonBody, refuseBody } from './hygiene/body.ts';
import { checkCsrf } from './hygiene/csrf.ts';
import { checkMethod, checkRequestHeaders, forwardedHeaders } from './hygiene/request-headers.ts';
import { checkRequestTarget } from './hygiene/request-target.ts';
import type { ProxySettings } from './options.ts';
import { decide, type Policy, type PolicyDecision } from './policy/policy.ts';
import { createVisibility, type Visibility } from './policy/visibility.ts';
import { getState, newRequestId, setState, type ProxyRequestState, type ProxyUser } from './request-context.ts';
import { isProxyUser, type SessionResult } from './session/session.ts';
import { whenSettled, type MaybePromise } from './settle.ts';
import { checkScope, type PreparedKey } from './upstream/api-key.ts';
import { forward } from './upstream/forward.ts';
import { createTransport } from './upstream/transport.ts';

/** Request id and the audit hook, CORS, then method, target and header hygiene — before any session work. */
export function entryStage(settings: ProxySettings): RequestHandler {
  return (req, res, next) => {
    const state = setState(req, { requestId: newRequestId(), startedAt: performance.now(), patientIds: new Set() });
    // The hygiene headers (no-store, nosniff, the request id) are written with every answer by sendError/forward.
    res.removeHeader('x-powered-by');
    res.once('close', () => {
      try {
        writeAudit(settings.logger, state, res);
      } catch {
        // A failing logger must not take the process down; there is nowhere left to report it.
      }
    });
    if (settings.cors?.handle(req, res)) {
      state.decision = 'allow';
      state.reason = 'cors:preflight';
      return;
    }
    checkMethod(req.method);
    const target = checkRequestTarget(req.url, req.originalUrl);
    checkRequestHeaders(req.headers, target.query);
    state.path = target.path;
    state.query = target.query;
    next();
  };
}

/** Who is asking (401 when nobody), then CSRF for cookie sessions. A remembered session answers synchronously. */
export function sessionStage(settings: ProxySettings): RequestHandler {
  const signIn = (req: Request, result: SessionResult, next: NextFunction): void => {
    const state = getState(req);
    state.transport = result.transport;
    if (!result.user) {
      settings.anonymousLimit?.noteFailure(req);
      throw new ProxyError('UNAUTHORIZED', 'Sign in to continue', { reason: result.reason ?? 'session:none' });
    }
    if (!isProxyUser(result.user)) throw new ProxyError('INTERNAL_ERROR', 'The session returned an invalid user', { reason: 'session:invalid-user' });
    state.user = result.user;
    checkCsrf(req.method, req.headers, result.transport, settings.csrf);
    next();
  };
  return (req, res, next) => whenSettled(settings.session.authenticate(req, res), (result) => signIn(req, result, next));
}

/** The call: a path of the API (or a widget action), with its bounded, parsed body and the allow-listed client headers. */
export function callStage(settings: ProxySettings): RequestHandler {
  const { dialect } = settings;
  const { resolveAction } = dialect;
  return (req, _res, next) => {
    const state = getState(req);
    const method = req.method as HttpMethod;
    const path = state.path ?? '/';
    const query = state.query ?? new URLSearchParams();
    if (path === '/' && (method !== 'POST' || !resolveAction)) {
      // Cliniko's API has nothing at the root: no actions protocol to take a POST there.
      if (!resolveAction) throw new ProxyError('NOT_FOUND', 'No such resource path', { reason: 'path:mount-root' });
      throw new ProxyError(method === 'GET' ? 'NOT_FOUND' : 'METHOD_NOT_ALLOWED', 'The proxy root takes widget actions (POST) only', {
        reason: 'path:mount-root',
        ...(method === 'GET' ? {} : { headers: { allow: 'POST' } }),
      });
    }
    // Resolve the path before reading a body, so an unknown path costs no upload.
    const rest = path === '/' ? undefined : dialect.resolveRest(method, path, query);
    state.clientHeaders = forwardedHeaders(req.headers);
    if (rest && !dialect.takesBody(rest)) {
      refuseBody(req);
      state.call = rest;
      next();
      return undefined;
    }
    return readJsonBody(req, settings.bodyLimit).then((body) => {
      // Without `rest` the path is the root, which only a dialect with an action protocol lets through (above).
      const call = rest ? { ...rest, body: body?.value, contentType: body?.contentType } : (resolveAction as NonNullable<typeof resolveAction>)(query, body);
      state.call = call;
      // An invalid body is refused here, before it costs an upstream call (or two); it has counted against the user's limit.
      dialect.checkBody(call, settings.validateBodies);
      next();
    });
  };
}

/**
 * Beyond the call itself: every type the query names must be readable by the user, and every resource embedded in
 * a write body writable — each decided by the same policy, before anything is sent. Answers to the synchronous
 * common case (nothing named, nothing embedded) at once.
 */
function refuseUngranted(policy: Policy, visibility: Visibility, dialect: ApiDialect, call: ApiCall, user: ProxyUser): MaybePromise<void> {
  const related = dialect.related(call);
  const pending: [string, MaybePromise<PolicyDecision>][] = related.reads.map((definition) => [`include:not-granted:${definition.path}`, visibility(definition)]);
  for (const { definition, resource } of related.embeds) {
    pending.push([
      `embed:not-granted:${definition.path}`,
      decide(policy, { user, purpose: 'embed', method: 'POST', interaction: 'create', resource: definition, id: undefined, query: new URLSearchParams(), body: resource, action: undefined }),
    ]);
  }
  if (pending.length === 0) return undefined;
  const refuse = (decisions: readonly PolicyDecision[]): void => {
    const denied = decisions.findIndex((decision) => decision.effect === 'deny');
    if (denied >= 0) throw new ProxyError('FORBIDDEN', 'You do not have access to this', { reason: (pending[denied] as [string, unknown])[0] });
  };
  const decisions = pending.map(([, decision]) => decision);
  return decisions.every((decision) => !(decision instanceof Promise)) ? refuse(decisions as PolicyDecision[]) : Promise.all(decisions).then(refuse);
}

/** The policy decides; then the key is looked up and its scopes checked. Nothing has left the proxy yet. */
export function authorizeStage(settings: ProxySettings): RequestHandler {
  /** The key for this user (an `apiKey` function may look it up asynchronously), its scopes checked. */
  const acceptKey = (state: ProxyRequestState, call: ApiCall, key: PreparedKey, next: NextFunction): void => {
    state.upstream = { environment: key.upstream.environment ?? 'live', shard: key.upstream.shard, keyFingerprint: key.fingerprint };
    checkScope(key.scopes, call.method);
    state.key = key;
    next();
  };
  const apply = (req: Request, state: ProxyRequestState, decision: PolicyDecision, next: NextFunction): void | Promise<void> => {
    const call = state.call as ApiCall;
    const user = state.user as ProxyUser;
    state.decision = decision.effect;
    state.reason = decision.reason;
    if (decision.effect === 'deny') {
      throw decision.status === 404
        ? new ProxyError('NOT_FOUND', 'Resource not found', { reason: decision.reason })
        : new ProxyError('FORBIDDEN', 'You do not have access to this', { reason: decision.reason });
    }
    for (const id of decision.patientIds ?? []) state.patientIds.add(id);
    let approved = call;
    if (decision.query) {
      // A rewritten query meets the same checks: a policy narrows a call, it cannot smuggle parameters into it.
      approved = { ...call, query: settings.dialect.checkQuery(call, decision.query) };
      state.call = approved;
    }
    state.compartment = decision.compartment;
    state.visibility = createVisibility(settings.policy, user);
    const withKey = (): void | Promise<void> => whenSettled(settings.keys(user, req), (key) => acceptKey(state, approved, key, next));
    const checked = refuseUngranted(settings.policy, state.visibility, settings.dialect, approved, user);
    return checked instanceof Promise ? checked.then(withKey) : withKey();
  };
  return (req, _res, next) => {
    const state = getState(req);
    const call = state.call;
    const user = state.user;
    if (!call || !user) throw new ProxyError('INTERNAL_ERROR', 'The proxy stages ran out of order', { reason: 'internal:stage-order' });
    settings.dialect.notePatients(call, state.patientIds);
    const pending = decide(settings.policy, {
      user,
      purpose: 'call',
      method: call.method,
      interaction: call.interaction,
      resource: call.resource,
      id: call.id,
      // A copy, so a policy that mutates it cannot change the call. Made eagerly: a lazy getter here (an accessor
      // object and a closure per request) grew the bench server's heap from ~250 to ~370 MB and cost CPU.
      query: new URLSearchParams(call.query),
      body: call.body,
      action: call.action,
      parents: call.parents,
    });
    return whenSettled(pending, (decision) => apply(req, state, decision, next));
  };
}

/** The hop. Its http-proxy-middleware instance is created here, once per proxy, never per request. */
export function forwardStage(settings: ProxySettings): RequestHandler {
  const forwardSettings = {
    transport: createTransport({ agents: settings.agents, timeouts: settings.timeouts }),
    responseLimit: settings.responseLimit,
    dialect: settings.dialect,
  };
  return (req, res) => {
    const state = getState(req);
    if (!state.call || !state.key || !state.visibility) throw new ProxyError('INTERNAL_ERROR', 'The proxy stages ran out of order', { reason: 'internal:stage-order' });
    // The pipeline catches the rejection; an async wrapper here would only add a promise per request.
    return forward(
      { req, res, state, call: state.call, key: state.key, clientHeaders: state.clientHeaders ?? {}, compartment: state.compartment, visibility: state.visibility },
      forwardSettings,
    );
  };
}

/** Every failure leaves as the error envelope — never Express's HTML page, which can carry a stack trace. */
export function errorStage(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const state = getState(req);
    const failure =
      error instanceof ProxyError
        ? error
        : new ProxyError('INTERNAL_ERROR', 'Unexpected proxy error', { reason: `internal:${error instanceof Error ? error.name : 'unknown'}` });
    // A refusal after the policy allowed the call itself (a type its includes name, a record withheld) is a denial.
    if (state.decision === undefined || failure.code === 'FORBIDDEN' || failure.code === 'NOT_FOUND') {
      state.decision = 'deny';
      state.reason = failure.reason;
    }
    state.error = failure.reason;
    if (failure.reason.startsWith('upstream:')) state.outcome ??= 'upstream-failed';
    sendError(res, state.requestId, failure);
  };
}
