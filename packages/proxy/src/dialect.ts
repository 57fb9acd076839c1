/**
 * The API a proxy carries, as one seam. Everything API-shaped — which paths exist, which query a call may carry,
 * where the records of an answer are and whose they are, what an upstream URL maps to under the mount — is the
 * dialect's, and the upstream preset brings it: `upstreams.clinikapi()` ClinikAPI's (`protocol/clinikapi-dialect.ts`),
 * `upstreams.cliniko()` Cliniko's (`cliniko/dialect.ts`). The stages, the policy, the limits, the hop and the audit
 * are the same for both.
 */
import type { ResourceDefinition } from '@clinikapi/core';
import type { AnswerFindings } from './answer/examine.ts';
import type { Redactor } from './answer/redact.ts';
import type { UpstreamLocation } from './answer/links.ts';
import type { ApiCall, CallResource, HttpMethod } from './call.ts';
import type { JsonBody } from './hygiene/body.ts';
import type { EmbeddedResource } from './policy/embedded.ts';
import type { Visibility } from './policy/visibility.ts';

/** A patient compartment a call was confined to. */
export interface Compartment {
  readonly patientId: string;
}

/** What a call needs allowed besides itself: types its query names (readable), resources its body embeds (writable). */
export interface RelatedRequests {
  readonly reads: readonly ResourceDefinition[];
  readonly embeds: readonly EmbeddedResource[];
}

/** The record an update or delete inside a compartment reads first, and the check it must pass. */
export interface Preflight {
  /** Path under the target's base: `/v1/…`. */
  readonly path: string;
  /**
   * Checks the record as read (`answer`, parsed) from `upstream`; throws the proxy's 404 (not the patient's record)
   * or 403 (a write that would leave the compartment).
   */
  check(answer: unknown, patientId: string, upstream: UpstreamLocation): void;
}

export interface ExamineContext {
  readonly call: ApiCall;
  readonly compartment: Compartment | undefined;
  readonly visibility: Visibility;
  readonly upstream: UpstreamLocation;
  /** The proxy's mount (`req.baseUrl`), for rewritten URLs. */
  readonly mountPath: string;
  readonly redactor: Redactor;
}

/**
 * Which API an upstream speaks, as `UpstreamConfig` shows it: the preset's dialect, whose workings (what a user may
 * see of an answer, among them) stay the proxy's own. Only the presets make one.
 */
export interface UpstreamDialect {
  readonly name: 'clinikapi' | 'cliniko';
}

export interface ApiDialect extends UpstreamDialect {
  /** The catalogue entry a grant or a `shared` list names, or `undefined`. */
  findResource(name: string): CallResource | undefined;
  /** A REST request (its target through hygiene) as a call, before its body is read; throws the 404, 405 or 400. */
  resolveRest(method: HttpMethod, path: string, query: URLSearchParams): ApiCall;
  /** The protocol at the mount's root (`POST <mount>`, ClinikAPI's widget actions); `undefined` when there is none. */
  readonly resolveAction: ((query: URLSearchParams, body: JsonBody | undefined) => ApiCall) | undefined;
  /** Whether the call's request carries a body (read whole before the policy); one sent to a call that takes none is a 400. */
  takesBody(call: ApiCall): boolean;
  /** Checks a call's body before the policy sees it; `validate` is the `validateBodies` option. */
  checkBody(call: ApiCall, validate: boolean): void;
  /** Checks a query a policy rewrote the call to, and answers it as it will be sent. */
  checkQuery(call: ApiCall, query: URLSearchParams): URLSearchParams;
  /** Adds the patients a call names in its path, query or body to `patients`, for the audit record. */
  notePatients(call: ApiCall, patients: Set<string>): void;
  /** What the call needs allowed besides itself. */
  related(call: ApiCall): RelatedRequests;
  /** Path and query to send under the target's base: `/v1/patients?…`. */
  upstreamPath(call: ApiCall): string;
  /** The read before a write confined to `compartment`, or `undefined` when the call needs none. */
  preflight(call: ApiCall, compartment: Compartment | undefined): Preflight | undefined;
  /** Examines a successful JSON answer in place: records the user may not see withheld, URLs rewritten; throws when it cannot be answered. */
  examineAnswer(raw: string, answer: unknown, context: ExamineContext, findings: AnswerFindings): Promise<void>;
  /** The mount-relative path (`/patients/1`) of an upstream path after `/v1/`, or `undefined` when the proxy serves no such path. */
  mountedPath(rest: string): string | undefined;
  /** The field issues an upstream error body holds, before they are bounded and redacted. */
  errorIssues(body: unknown): readonly unknown[];
  /** Whether an error answer may be plain text (Cliniko's 400 and 401 are): then it is rebuilt from its status alone. */
  readonly textErrors: boolean;
}
