/**
 * Examining a Cliniko answer before the browser sees it. A list is `{ "<resource>": [...], total_entries, links }`
 * and nothing else is kept of it; a record is one object (a read by id must answer the record asked for); a view
 * (settings, a next available time, conflicts) holds no record. Inside a patient compartment every record must be
 * theirs (`patients.ts`): others are withheld from a list, and a read of one is the same 404 as a record that does
 * not exist. Then every value of every `links` object, at any depth — `self`/`next`/`previous` and each relation's
 * `links.self` — is rewritten to the same path under the mount when the proxy serves a `GET` of it, and dropped
 * otherwise, so the shard's host never reaches the browser.
 */
import type { ClinikoResourceDefinition, ClinikoRoute } from '@clinikapi/core';
import type { AnswerFindings } from '../answer/examine.ts';
import { rewriteUpstreamUrl } from '../answer/links.ts';
import type { ExamineContext } from '../dialect.ts';
import { ProxyError } from '../errors.ts';
import { withinClinikoCompartment } from './patients.ts';
import { isReadablePath } from './routes.ts';

const LIST_KEYS = new Set(['total_entries', 'links']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(): ProxyError {
  return new ProxyError('UPSTREAM_UNAVAILABLE', 'Cliniko sent an answer the proxy cannot check', { reason: 'answer:unreadable' });
}

function withhold(findings: AnswerFindings, type: string): void {
  findings.withheld[type] = (findings.withheld[type] ?? 0) + 1;
}

/** The mount-relative path of a Cliniko path after `/v1/`, when the proxy serves a `GET` of it. */
export function clinikoMountedPath(rest: string): string | undefined {
  const path = `/${rest}`;
  return isReadablePath(path) ? path : undefined;
}

/** Whether the user may be shown `record` (of the call's resource). */
function mayShow(record: unknown, resource: ClinikoResourceDefinition, context: ExamineContext): boolean {
  if (!isRecord(record)) return false;
  return context.compartment === undefined || withinClinikoCompartment(record, resource, context.compartment.patientId, context.upstream);
}

function examineList(
  answer: Record<string, unknown>,
  resource: ClinikoResourceDefinition,
  context: ExamineContext,
  findings: AnswerFindings,
): void {
  const records = answer[resource.path];
  if (!Array.isArray(records)) throw unreadable();
  // Only what a Cliniko list holds is kept: anything else an upstream adds was never examined.
  for (const key of Object.keys(answer)) {
    if (key === resource.path || (LIST_KEYS.has(key) && (key !== 'total_entries' || typeof answer[key] === 'number'))) continue;
    delete answer[key];
    withhold(findings, 'unknown');
  }
  const shown = records.filter((record) => {
    const show = mayShow(record, resource, context);
    if (!show) withhold(findings, isRecord(record) ? resource.resourceType : 'unknown');
    return show;
  });
  answer[resource.path] = shown;
}

function examineRecord(
  answer: Record<string, unknown>,
  route: ClinikoRoute,
  resource: ClinikoResourceDefinition,
  context: ExamineContext,
  findings: AnswerFindings,
): void {
  const { call } = context;
  // A read by id answers that record; inside a compartment, only one of the patient's.
  if ((call.id === undefined || answer.id === call.id) && mayShow(answer, resource, context)) return;
  withhold(findings, resource.resourceType);
  if (route.method === 'GET') throw new ProxyError('NOT_FOUND', 'Resource not found', { reason: 'answer:record-withheld' });
  throw new ProxyError('UPSTREAM_UNAVAILABLE', 'Cliniko answered with a record the proxy cannot show', {
    reason: 'answer:write-result-withheld',
  });
}

/**
 * Rewrites every value of every `links` object in `answer` (in place); returns how many were dropped. A page repeats
 * its links (every appointment links the same business and practitioner), so each distinct one is mapped once.
 */
function rewriteLinks(answer: unknown, context: ExamineContext): number {
  let dropped = 0;
  const mapped = new Map<string, string | null>();
  const rewrite = (link: string): string | null => {
    let url = mapped.get(link);
    if (url === undefined) {
      const verdict = rewriteUpstreamUrl(link, context.upstream, context.mountPath, clinikoMountedPath);
      url = verdict.kind === 'rewritten' ? verdict.url : null;
      mapped.set(link, url);
    }
    return url;
  };
  const stack: unknown[] = [answer];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    const holder = value as Record<string, unknown>;
    for (const key in holder) {
      const child = holder[key];
      if (key !== 'links') {
        if (typeof child === 'object' && child !== null) stack.push(child);
      } else if (!isRecord(child)) {
        delete holder.links;
        dropped += 1;
      } else {
        // A new object rather than deletions: an object that lost keys is slower to serialise.
        const kept: Record<string, string> = {};
        for (const name in child) {
          const link = child[name];
          const url = typeof link === 'string' ? rewrite(link) : null;
          if (url === null) dropped += 1;
          else kept[name] = url;
        }
        holder.links = kept;
      }
    }
  }
  return dropped;
}

/** Examines a 2xx JSON answer to a call on `route` in place; throws when it cannot be answered. */
export function examineClinikoAnswer(
  answer: unknown,
  route: ClinikoRoute,
  resource: ClinikoResourceDefinition,
  context: ExamineContext,
  findings: AnswerFindings,
): void {
  if (route.answer === 'none')
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'Cliniko answered with a body where it sends none', { reason: 'answer:unexpected-body' });
  if (!isRecord(answer)) throw unreadable();
  if (route.answer === 'list') examineList(answer, resource, context, findings);
  else if (route.answer === 'record') examineRecord(answer, route, resource, context, findings);
  findings.droppedUrls += rewriteLinks(answer, context);
}
