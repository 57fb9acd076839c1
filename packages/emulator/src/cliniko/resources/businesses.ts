/** `GET /businesses` (archived left out), `GET /businesses/:id`, `POST /businesses/:id/archive|unarchive`. */
import type { Hono } from 'hono';
import { timeZoneLabel } from '../availability/time-zone.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { archive, findOr404, pathId, saveRecord } from './records.ts';

const TEXT_FIELDS = [
  'business_name',
  'display_name',
  'address_1',
  'address_2',
  'city',
  'state',
  'post_code',
  'country',
  'country_code',
  'contact_information',
  'email_reply_to',
  'website_address',
  'business_registration_name',
  'business_registration_value',
  'additional_information',
  'additional_invoice_information',
] as const;

/** The zone a business keeps its calendar in: its own, else the account's. */
export const businessTimeZone = (scope: RequestScope, business: StoredRecord): string =>
  typeof business.time_zone_identifier === 'string' ? business.time_zone_identifier : scope.account.timeZone;

export function presentBusiness(scope: RequestScope, business: StoredRecord): object {
  const zone = businessTimeZone(scope, business);
  const { links } = scope;
  return {
    id: business.id,
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, business[field] ?? null])),
    label: business.display_name ?? business.business_name,
    show_in_online_bookings: business.show_in_online_bookings === true,
    appointment_reminders_enabled: business.appointment_reminders_enabled !== false,
    time_zone: timeZoneLabel(zone),
    time_zone_identifier: zone,
    archived_at: business.archived_at ?? null,
    deleted_at: null,
    created_at: business.created_at,
    updated_at: business.updated_at,
    practitioners: links.ref(`/businesses/${business.id}/practitioners`),
    appointments: links.ref(`/businesses/${business.id}/appointments?page=1`),
    links: { self: links.url(`/businesses/${business.id}`) },
  };
}

const LIST = {
  plural: 'businesses',
  filters: { ...COMMON_FIELDS, archived_at: 'datetime' },
  sortable: { business_name: 'string' },
  hiddenWhenSet: ['archived_at'],
} as const;

export function mountBusinesses(app: Hono<ClinikoEnv>): void {
  app.get('/businesses', async (c) => {
    const { scope } = c.var;
    return listResponse(c, LIST, await scope.store.list(scope.account.id, 'businesses'), (business) => presentBusiness(scope, business));
  });
  app.get('/businesses/:id', async (c) =>
    jsonResponse(presentBusiness(c.var.scope, await findOr404(c.var.scope, 'businesses', pathId(c)))),
  );
  app.post('/businesses/:id/archive', (c) => archive(c.var.scope, 'businesses', pathId(c)));
  app.post('/businesses/:id/unarchive', async (c) => {
    const { scope } = c.var;
    const business = await findOr404(scope, 'businesses', pathId(c));
    return jsonResponse(presentBusiness(scope, await saveRecord(scope, 'businesses', business, { ...business, archived_at: null })));
  });
}
