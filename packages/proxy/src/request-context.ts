/** What the proxy learns about a request as it passes through the pipeline; the audit record is written from it. */
import { randomBytes } from 'node:crypto';
import type { AnswerFindings } from './answer/examine.ts';
import type { ApiCall } from './call.ts';

/** The signed-in user of the host app, as its session returns it. */
export interface ProxyUser {
  /** Stable id of the user in the host app (or the identity provider's `sub`). */
  readonly id: string;
  /** Role names the policy decides on. */
  readonly roles?: readonly string[];
  readonly [claim: string]: unknown;
}

/** How the session credential travelled: only a bearer token is safe from cross-site request forgery. */
export type CredentialTransport = 'cookie' | 'bearer' | 'app';

export interface UpstreamAuditInfo {
  readonly environment: string;
  readonly shard: string | undefined;
  readonly keyFingerprint: string;
  status?: number;
  requestId?: string;
}

export interface ProxyRequestState {
  readonly requestId: string;
  /** `performance.now()` at entry, for the latency in the audit record. */
  readonly startedAt: number;
  user?: ProxyUser;
  transport?: CredentialTransport;
  call?: ApiCall;
  /** Patients the request names or was confined to, for the audit record. */
  readonly patientIds: Set<string>;
  decision?: 'allow' | 'deny';
  /** Why the request was allowed or refused, in machine terms (`role:clinician`, `session:missing`). */
  reason?: string;
  upstream?: UpstreamAuditInfo;
  /** The error that ended the request, in machine terms (`upstream:timeout`), when one did. */
  error?: string;
  /** How the request ended when it did not end normally: `client-aborted`, `upstream-stalled`, ... */
  outcome?: string;
  /** What examining the answer withheld, dropped or redacted (types and counts only). */
  findings?: AnswerFindings;
}

/**
 * Request ids are 16 random bytes: a counter told whoever saw one id how busy the server was, and what the ids of
 * other people's requests were. The bytes come from a pool refilled 256 ids at a time, so an id costs about what the
 * counter did (a random draw per id measured several times as much).
 */
const ID_BYTES = 16;
const ID_POOL_BYTES = ID_BYTES * 256;
let idPool = Buffer.alloc(0);
let idPoolOffset = 0;

export function newRequestId(): string {
  if (idPoolOffset + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_POOL_BYTES);
    idPoolOffset = 0;
  }
  const id = idPool.toString('base64url', idPoolOffset, idPoolOffset + ID_BYTES);
  idPoolOffset += ID_BYTES;
  return `req_${id}`;
}
