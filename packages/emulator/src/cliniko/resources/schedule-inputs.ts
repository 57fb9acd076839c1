/**
 * What availability is computed from, read-only (made by the seed and the admin API): `GET /daily_availabilities`,
 * `/daily_availabilities/:id`, `/businesses/:id/daily_availabilities`, `/practitioners/:id/daily_availabilities`,
 * and `GET /unavailable_blocks`, `/unavailable_blocks/:id`.
 */
import type { Context, Hono } from 'hono';
import { refOrNull } from '../http/links.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { findOr404, pathId } from './records.ts';

function presentAvailability(scope: RequestScope, availability: StoredRecord): object {
  return {
    id: availability.id,
    day_of_week: availability.day_of_week,
    availabilities: availability.availabilities,
    created_at: availability.created_at,
    updated_at: availability.updated_at,
    business: refOrNull(scope.links, 'businesses', availability.business_id),
    practitioner: refOrNull(scope.links, 'practitioners', availability.practitioner_id),
    links: { self: scope.links.url(`/daily_availabilities/${availability.id}`) },
  };
}

function presentBlock(scope: RequestScope, block: StoredRecord): object {
  return {
    id: block.id,
    starts_at: block.starts_at,
    ends_at: block.ends_at,
    notes: block.notes ?? null,
    repeat_rule: {},
    created_at: block.created_at,
    updated_at: block.updated_at,
    business: refOrNull(scope.links, 'businesses', block.business_id),
    practitioner: refOrNull(scope.links, 'practitioners', block.practitioner_id),
    links: { self: scope.links.url(`/unavailable_blocks/${block.id}`) },
  };
}

const BY_PLACE = { ...COMMON_FIELDS, business_id: 'integer', practitioner_id: 'integer' } as const;
const AVAILABILITIES = { plural: 'daily_availabilities', filters: { ...BY_PLACE, day_of_week: 'integer' } } as const;
const BLOCKS = { plural: 'unavailable_blocks', filters: { ...BY_PLACE, starts_at: 'datetime', ends_at: 'datetime' } } as const;

export function mountScheduleInputs(app: Hono<ClinikoEnv>): void {
  const availabilities = (parent?: 'businesses' | 'practitioners') => async (c: Context<ClinikoEnv>) => {
    const { scope } = c.var;
    let records = await scope.store.list(scope.account.id, 'daily_availabilities');
    if (parent) {
      const owner = await findOr404(scope, parent, pathId(c));
      const field = parent === 'businesses' ? 'business_id' : 'practitioner_id';
      records = records.filter((record) => record[field] === owner.id);
    }
    return listResponse(c, AVAILABILITIES, records, (record) => presentAvailability(scope, record));
  };
  app.get('/daily_availabilities', availabilities());
  app.get('/businesses/:id/daily_availabilities', availabilities('businesses'));
  app.get('/practitioners/:id/daily_availabilities', availabilities('practitioners'));
  app.get('/daily_availabilities/:id', async (c) =>
    jsonResponse(presentAvailability(c.var.scope, await findOr404(c.var.scope, 'daily_availabilities', pathId(c)))),
  );
  app.get('/unavailable_blocks', async (c) => {
    const { scope } = c.var;
    return listResponse(c, BLOCKS, await scope.store.list(scope.account.id, 'unavailable_blocks'), (record) => presentBlock(scope, record));
  });
  app.get('/unavailable_blocks/:id', async (c) =>
    jsonResponse(presentBlock(c.var.scope, await findOr404(c.var.scope, 'unavailable_blocks', pathId(c)))),
  );
}
