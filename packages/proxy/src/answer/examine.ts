/**
 * Every answer is examined before the browser sees a byte of it. A successful one must have a shape the proxy knows;
 * then each record in it must be one the user may see — the type the call asked for (by the call's own decision)
 * or, for records carried along, a type the policy lets them read (`Visibility`) — and, where a compartment
 * applies, inside it. Records that fail are withheld (removed, and counted for the audit record); a read by id whose
 * record is withheld is a 404, exactly like a record that does not exist. Then URLs that point at the upstream are
 * rewritten to the mount, key-shaped strings redacted, and the clinic-wide rate counters the API puts in `meta` are
 * dropped (the caller's own limits are the proxy's to tell).
 */
import { findResourceByType, type ResourceDefinition } from '@clinikapi/core';
import type { ApiCall } from '../call.ts';
import { ProxyError } from '../errors.ts';
import { withinCompartment } from '../policy/patient-references.ts';
import type { Visibility } from '../policy/visibility.ts';
import { mayHideByEscape } from './escapes.ts';
import { rewriteAnswerUrls, type UpstreamLocation } from './links.ts';
import { answerRecords, type RecordSlot } from './records.ts';
import { redactAnswer, type Redactor } from './redact.ts';

export interface AnswerContext {
  readonly call: ApiCall<ResourceDefinition>;
  /** The compartment the call itself was confined to, if any. */
  readonly compartment: { readonly patientId: string } | undefined;
  readonly visibility: Visibility;
  readonly upstream: UpstreamLocation;
  /** The proxy's mount (`req.baseUrl`), for rewritten URLs. */
  readonly mountPath: string;
  readonly redactor: Redactor;
}

/** What examining removed or changed, by kind, for the audit record (types and counts only, never content). */
export interface AnswerFindings {
  /** Records withheld, by resource type (`unknown` for a type the catalogue does not have). */
  readonly withheld: Record<string, number>;
  /** Upstream URLs dropped because they could not be rewritten to the mount. */
  droppedUrls: number;
  /** Strings that held a key-shaped value. */
  redacted: number;
}

const RATE_COUNTERS = ['rateLimitTotal', 'rateLimitRemaining', 'rateLimitReset'];
/**
 * The names `rewriteAnswerUrls` looks at, as an answer's text spells them literally. One pattern: `includes('"link')`
 * cost more than the rest of the examination, a `"` being the commonest character of any JSON text.
 */
const URL_NAMES = /"(?:fullUrl|links?)"/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The catalogue entry of a record: by its `resourceType`, or the call's own for a primary record in simplified form. */
function definitionOf(slot: RecordSlot, call: ApiCall<ResourceDefinition>): ResourceDefinition | undefined {
  const record = slot.record as Record<string, unknown>;
  if (typeof record.resourceType === 'string') return findResourceByType(record.resourceType);
  return slot.role === 'primary' ? call.resource : undefined;
}

/** Whether the user may see a record of what the call asked for: decided by the call's own decision, it must be of the type it asked for. */
function mayShowAsked(slot: RecordSlot, definition: ResourceDefinition, context: AnswerContext): boolean {
  if (definition !== context.call.resource) return false;
  return context.compartment === undefined || withinCompartment(slot.record, definition, context.compartment.patientId);
}

/** Whether the user may see a record carried along: its type must be one the policy lets them read, inside the compartment it sets. */
async function mayShowCarried(slot: RecordSlot, definition: ResourceDefinition, context: AnswerContext): Promise<boolean> {
  const decision = await context.visibility(definition);
  if (decision.effect === 'deny') return false;
  return decision.compartment === undefined || withinCompartment(slot.record, definition, decision.compartment.patientId);
}

function notFound(): ProxyError {
  return new ProxyError('NOT_FOUND', 'Resource not found', { reason: 'answer:record-withheld' });
}

/** Examines a 2xx answer (`raw` as received, `answer` parsed) in place; throws a ProxyError when it cannot be answered at all. */
export async function examineAnswer(raw: string, answer: unknown, context: AnswerContext, findings: AnswerFindings): Promise<void> {
  const { call } = context;
  const located = answerRecords(answer, call.interaction, call.id);
  if (!located)
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI sent an answer the proxy cannot check', { reason: 'answer:unreadable' });

  let primaryFound = false;
  let primaryWithheld = false;
  for (const slot of located.slots) {
    // A write that answers `data: null`, or a read of nothing: nothing to show, nothing to check.
    if (slot.role === 'primary' && (slot.record === null || slot.record === undefined) && located.bundle === undefined) continue;
    const definition = isObject(slot.record) ? definitionOf(slot, call) : undefined;
    // Only a carried record waits for a decision (the policy's, once per type): a page of what was asked for does not.
    const shown =
      definition !== undefined &&
      (slot.role === 'primary' ? mayShowAsked(slot, definition, context) : await mayShowCarried(slot, definition, context));
    if (shown) {
      if (slot.role === 'primary') primaryFound = true;
      continue;
    }
    slot.remove();
    const type = definition?.resourceType ?? 'unknown';
    findings.withheld[type] = (findings.withheld[type] ?? 0) + 1;
    if (slot.role === 'primary') primaryWithheld = true;
  }
  located.compact();

  if (call.interaction === 'read') {
    // Someone else's record, or an answer without the record asked for: the same 404 as a record that does not exist.
    if (primaryWithheld || (context.compartment && !primaryFound)) throw notFound();
  } else if (primaryWithheld && call.interaction !== 'search') {
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI answered with a record the proxy cannot show', {
      reason: 'answer:write-result-withheld',
    });
  }

  // Only answers that hold such URLs are walked for them: most hold none, and the walk allocates at every node. One
  // that spells characters escaped may name them where the text does not show it.
  if (mayHideByEscape(raw) || URL_NAMES.test(raw)) findings.droppedUrls += rewriteAnswerUrls(answer, context.upstream, context.mountPath);
  const meta = isObject(answer) ? answer.meta : undefined;
  if (isObject(meta)) for (const counter of RATE_COUNTERS) delete meta[counter];
}

/** Redacts key-shaped strings of a parsed answer whose text `raw` may hold one. */
export function redactIfNeeded(raw: string, answer: unknown, redactor: Redactor, findings: AnswerFindings): void {
  if (redactor.mayHold(raw)) findings.redacted += redactAnswer(answer, redactor);
}
