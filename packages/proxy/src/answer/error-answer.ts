/**
 * An upstream 4xx is passed on as its status and meaning, never as its bytes: the body is rebuilt into the proxy's
 * own envelope — the code (when it is a known code for that status, else the status's own), the code's title, the
 * proxy's request id, and the field issues a form needs (`patientId: No patient with this id`), each bounded and
 * with any key-shaped text redacted. Free text such as `message`, stack traces and anything unknown is dropped.
 */
import { ERROR_CODES, errorBody, errorCodeOfStatus, isErrorCode, type ApiErrorBody, type ErrorIssue } from '@clinikapi/core';
import type { Redactor } from './redact.ts';

const MAX_ISSUES = 50;
const MAX_DIAGNOSTICS = 500;
const ISSUE_CODE = /^[a-z][a-z-]{0,39}$/;
const FIELD_PATH = /^[A-Za-z0-9_.[\]-]{1,200}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One issue, kept only as far as it has the envelope's shape. */
function rebuildIssue(value: unknown, redactor: Redactor): ErrorIssue | undefined {
  if (!isObject(value) || typeof value.diagnostics !== 'string') return undefined;
  const diagnostics = redactor.redact(value.diagnostics.slice(0, MAX_DIAGNOSTICS)).replace(/[\r\n\t]+/g, ' ');
  return {
    severity: value.severity === 'warning' ? 'warning' : 'error',
    code: typeof value.code === 'string' && ISSUE_CODE.test(value.code) ? value.code : 'invalid',
    diagnostics,
    ...(typeof value.path === 'string' && FIELD_PATH.test(value.path) ? { path: value.path } : {}),
  };
}

/** The issues of a ClinikAPI error body: `issues`, or `issue` as some clients and servers (and FHIR's OperationOutcome) say. */
export function clinikapiErrorIssues(body: unknown): readonly unknown[] {
  return isObject(body) ? (Array.isArray(body.issues) ? body.issues : Array.isArray(body.issue) ? body.issue : []) : [];
}

/**
 * The proxy's envelope for an upstream error answer of `status` whose parsed body is `body` (anything), and the
 * status to send it with: the code's own, so the two always agree (a 410 is a 404, an unknown 4xx a 400).
 * `listIssues` finds the body's field issues (the API dialect's `errorIssues`).
 */
export function rebuildErrorAnswer(
  status: number,
  body: unknown,
  requestId: string,
  redactor: Redactor,
  listIssues: (body: unknown) => readonly unknown[] = clinikapiErrorIssues,
): { status: number; body: ApiErrorBody } {
  const given = isObject(body) ? body.code : undefined;
  const code = isErrorCode(given) && ERROR_CODES[given].status === status ? given : errorCodeOfStatus(status);
  const issues = listIssues(body)
    .slice(0, MAX_ISSUES)
    .map((issue) => rebuildIssue(issue, redactor))
    .filter((issue): issue is ErrorIssue => issue !== undefined);
  return { status: ERROR_CODES[code].status, body: errorBody(code, requestId, issues) };
}
