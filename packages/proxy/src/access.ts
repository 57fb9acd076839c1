/**
 * `GET <mount>/_access`: what the signed-in user may do on each catalogue resource, so an app offers only what will
 * work — a front desk is shown no clinical forms, a patient no search of other patients. Each answer is the app's
 * own policy asked (`purpose: 'ask'`) for every resource and interaction, never a second table that could drift
 * from it. It is advisory: every call is still decided when it comes. Answers are kept per user (id and roles) for
 * a short time, and audited like every request. ClinikAPI's catalogue only: behind `upstreams.cliniko()` the path is
 * not served.
 */
import { RESOURCE_CATALOGUE } from '@clinikapi/core';
import type { Request, Response } from 'express';
import { INTERACTION_METHOD, type Interaction } from './call.ts';
import { BASE_RESPONSE_HEADERS, ProxyError } from './errors.ts';
import { refuseBody } from './hygiene/body.ts';
import type { RequestTarget } from './hygiene/request-target.ts';
import type { ProxySettings } from './options.ts';
import { decide, type Policy } from './policy/policy.ts';
import type { ProxyRequestState, ProxyUser } from './request-context.ts';

/** The mount-relative path of the answer. `_` starts no catalogue path, so it can never shadow one. */
export const ACCESS_PATH = '/_access';

/** How long an answer is reused for the same user: a changed grant shows within this, and the policy is not asked 300 times per page. */
export const ACCESS_TTL_MS = 30_000;
const MAX_CACHED_USERS = 1_000;

/** The answer's `data`: for every catalogue path, the interactions the policy would allow on some record of it. */
export interface AccessAnswer {
  readonly resources: Readonly<Record<string, readonly Interaction[]>>;
}

/** Every resource × interaction put to the policy as an ask. */
async function ask(policy: Policy, user: ProxyUser): Promise<AccessAnswer> {
  const asked = RESOURCE_CATALOGUE.flatMap((resource) =>
    resource.operations.map(async (interaction) => {
      const decision = await decide(policy, {
        user,
        purpose: 'ask',
        method: INTERACTION_METHOD[interaction],
        interaction,
        resource,
        id: undefined,
        query: new URLSearchParams(),
        body: undefined,
        action: undefined,
      });
      return decision.effect === 'allow' ? [[resource.path, interaction] as const] : [];
    }),
  );
  const resources: Record<string, Interaction[]> = Object.fromEntries(RESOURCE_CATALOGUE.map((resource) => [resource.path, []]));
  for (const [path, interaction] of (await Promise.all(asked)).flat()) resources[path]?.push(interaction);
  return { resources };
}

/** Whether a request (its target through hygiene) is for the access answer, on a proxy that serves it. */
export function isAccessRequest(settings: ProxySettings, target: RequestTarget): boolean {
  return target.path === ACCESS_PATH && settings.dialect.name === 'clinikapi';
}

/** The answerer of `GET <mount>/_access` for one proxy, with its per-user cache. Runs after the session and the per-user limit. */
export function createAccessAnswers(settings: ProxySettings) {
  const cache = new Map<string, { readonly expires: number; readonly answer: Promise<AccessAnswer> }>();
  return async (req: Request, res: Response, target: RequestTarget, user: ProxyUser, state: ProxyRequestState): Promise<void> => {
    if (req.method !== 'GET')
      throw new ProxyError('METHOD_NOT_ALLOWED', 'The access answer is read with GET', {
        headers: { allow: 'GET' },
        reason: 'access:method',
      });
    if ([...target.query.keys()].length > 0)
      throw new ProxyError('BAD_REQUEST', 'The access answer takes no query parameters', { reason: 'access:query' });
    refuseBody(req);

    const key = `${user.id}\u0000${(user.roles ?? []).join('\u0000')}`;
    const now = Date.now();
    let entry = cache.get(key);
    state.reason = entry && entry.expires > now ? 'access:cached' : 'access:asked';
    if (!entry || entry.expires <= now) {
      cache.delete(key);
      // Oldest first: a Map iterates in insertion order.
      if (cache.size >= MAX_CACHED_USERS) cache.delete(cache.keys().next().value as string);
      entry = { expires: now + ACCESS_TTL_MS, answer: ask(settings.policy, user) };
      cache.set(key, entry);
    }
    state.decision = 'allow';
    const body = JSON.stringify({
      data: await entry.answer,
      meta: { requestId: state.requestId, timestamp: new Date().toISOString(), status: 200 },
    });
    res.writeHead(200, {
      ...BASE_RESPONSE_HEADERS,
      'x-request-id': state.requestId,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
    });
    res.end(body);
  };
}
