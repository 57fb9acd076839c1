/**
 * The audit trail: exactly one structured pino record per request, allowed or denied, written when the response
 * closes. It says who touched which patient, how, and what happened — never what the record says: no bodies, no
 * tokens, no cookies, no query values (only parameter names), and a key fingerprint instead of the key.
 */
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { ProxyRequestState } from './request-context.ts';

export const AUDIT_MESSAGE = 'clinikapi.proxy.request';

export interface AuditRecord {
  readonly requestId: string;
  readonly userId: string | null;
  readonly roles: readonly string[];
  readonly patientIds: readonly string[];
  readonly interaction: string | null;
  readonly action: string | null;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  /** Names of the query parameters sent upstream; their values are never logged. */
  readonly queryParams: readonly string[];
  readonly decision: 'allow' | 'deny';
  readonly reason: string | null;
  readonly error: string | null;
  readonly status: number;
  readonly outcome: string;
  readonly upstream: {
    readonly env: string;
    readonly shard: string | null;
    readonly status: number | null;
    readonly requestId: string | null;
  } | null;
  readonly keyFingerprint: string | null;
  /** Records taken out of the answer because the user may not see them, by resource type (counts only). */
  readonly withheld: Readonly<Record<string, number>> | null;
  /** Strings of the answer that held a key-shaped value and were redacted. */
  readonly redacted: number;
  readonly latencyMs: number;
}

/**
 * Parameter names as logged: a `_has:` chain is logged as `_has` — its name is made of the client's text, which
 * the audit trail does not repeat.
 */
function loggedParameterNames(query: URLSearchParams): string[] {
  const names = new Set<string>();
  for (const name of query.keys()) names.add(name.startsWith('_has:') ? '_has' : name);
  return [...names];
}

export function auditRecord(state: ProxyRequestState, res: Response): AuditRecord {
  const call = state.call;
  const upstream = state.upstream;
  return {
    requestId: state.requestId,
    userId: state.user?.id ?? null,
    roles: state.user?.roles ?? [],
    patientIds: [...state.patientIds],
    interaction: call?.interaction ?? null,
    action: call?.action ?? null,
    resourceType: call?.resource.resourceType ?? null,
    resourceId: call?.id ?? null,
    queryParams: call ? loggedParameterNames(call.query) : [],
    decision: state.decision ?? 'deny',
    reason: state.reason ?? null,
    error: state.error ?? null,
    status: res.headersSent ? res.statusCode : 499,
    outcome: state.outcome ?? (res.writableFinished ? 'completed' : 'client-aborted'),
    upstream: upstream
      ? { env: upstream.environment, shard: upstream.shard ?? null, status: upstream.status ?? null, requestId: upstream.requestId ?? null }
      : null,
    keyFingerprint: upstream?.keyFingerprint ?? null,
    withheld: state.findings && Object.keys(state.findings.withheld).length > 0 ? state.findings.withheld : null,
    redacted: state.findings?.redacted ?? 0,
    latencyMs: Math.round((performance.now() - state.startedAt) * 100) / 100,
  };
}

/**
 * Writes `{ audit: record }` at `info` for allowed calls, `warn` for denials and `error` for proxy or upstream
 * failures. The record sits under one key: it keeps the audit fields apart from pino's own (and from any child
 * bindings of the app's logger), makes audit lines easy to route, and lets pino serialise it in one native
 * `JSON.stringify` — a third cheaper per request than field by field.
 */
export function writeAudit(logger: Logger, state: ProxyRequestState, res: Response): void {
  const audit = auditRecord(state, res);
  if (audit.status >= 500 || audit.outcome.startsWith('upstream-')) logger.error({ audit }, AUDIT_MESSAGE);
  else if (audit.decision === 'deny') logger.warn({ audit }, AUDIT_MESSAGE);
  else logger.info({ audit }, AUDIT_MESSAGE);
}
