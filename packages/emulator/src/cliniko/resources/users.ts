/** `GET /user` (who the key belongs to), `GET /users`, `GET /users/:id`. Read-only: users are made with the CLI. */
import type { Hono } from 'hono';
import { timeZoneLabel } from '../availability/time-zone.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { findOr404, pathId } from './records.ts';

export function presentUser(scope: RequestScope, user: StoredRecord): object {
  return {
    id: user.id,
    title: user.title ?? null,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    role: user.role,
    time_zone: timeZoneLabel(scope.account.timeZone),
    user_active: user.user_active !== false,
    created_at: user.created_at,
    updated_at: user.updated_at,
    links: { self: scope.links.url(`/users/${user.id}`) },
  };
}

const LIST = { plural: 'users', filters: COMMON_FIELDS, sortable: { first_name: 'string', last_name: 'string' } } as const;

export function mountUsers(app: Hono<ClinikoEnv>): void {
  app.get('/user', (c) => jsonResponse(presentUser(c.var.scope, c.var.scope.user)));
  app.get('/users', async (c) => {
    const { scope } = c.var;
    return listResponse(c, LIST, await scope.store.list(scope.account.id, 'users'), (user) => presentUser(scope, user));
  });
  app.get('/users/:id', async (c) => jsonResponse(presentUser(c.var.scope, await findOr404(c.var.scope, 'users', pathId(c)))));
}
