/**
 * Practitioners (read-only): `GET /practitioners` (active), `/practitioners/inactive`, `/practitioners/:id`, and the
 * same lists under `/businesses/:id/…` and `/appointment_types/:id/…`. Every practitioner has a user.
 */
import type { Context, Hono } from 'hono';
import { refOrNull } from '../http/links.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { findOr404, pathId } from './records.ts';

export function presentPractitioner(scope: RequestScope, practitioner: StoredRecord): object {
  const { links } = scope;
  const path = `/practitioners/${practitioner.id}`;
  return {
    id: practitioner.id,
    title: practitioner.title ?? null,
    first_name: practitioner.first_name,
    last_name: practitioner.last_name,
    label: [practitioner.title, practitioner.first_name, practitioner.last_name].filter(Boolean).join(' '),
    designation: practitioner.designation ?? null,
    description: practitioner.description ?? null,
    show_in_online_bookings: practitioner.show_in_online_bookings === true,
    created_at: practitioner.created_at,
    updated_at: practitioner.updated_at,
    default_appointment_type: refOrNull(links, 'appointment_types', practitioner.default_appointment_type_id),
    practitioner_reference_numbers: links.ref(`${path}/practitioner_reference_numbers`),
    user: refOrNull(links, 'users', practitioner.user_id),
    appointments: links.ref(`${path}/appointments`),
    invoices: links.ref(`${path}/invoices`),
    links: { self: links.url(path) },
  };
}

const LIST = {
  plural: 'practitioners',
  filters: { ...COMMON_FIELDS, user_id: 'integer' },
  sortable: { first_name: 'string', last_name: 'string' },
} as const;

const isActive = (practitioner: StoredRecord): boolean => practitioner.active !== false;

/** Lists the practitioners `narrow` keeps, active ones or (for `…/inactive`) the others. */
function mountList(
  app: Hono<ClinikoEnv>,
  path: string,
  narrow: (c: Context<ClinikoEnv>, all: readonly StoredRecord[]) => Promise<readonly StoredRecord[]>,
): void {
  for (const active of [true, false]) {
    app.get(active ? path : `${path}/inactive`, async (c) => {
      const { scope } = c.var;
      const all = await scope.store.list(scope.account.id, 'practitioners');
      const chosen = (await narrow(c, all)).filter((practitioner) => isActive(practitioner) === active);
      return listResponse(c, LIST, chosen, (practitioner) => presentPractitioner(scope, practitioner));
    });
  }
}

export function mountPractitioners(app: Hono<ClinikoEnv>): void {
  mountList(app, '/practitioners', async (_c, all) => all);
  mountList(app, '/businesses/:id/practitioners', async (c, all) => {
    const business = await findOr404(c.var.scope, 'businesses', pathId(c));
    return all.filter((practitioner) => (practitioner.business_ids as string[] | undefined)?.includes(business.id));
  });
  mountList(app, '/appointment_types/:id/practitioners', async (c, all) => {
    const type = await findOr404(c.var.scope, 'appointment_types', pathId(c));
    const offering = new Set((type.practitioner_ids as string[] | undefined) ?? []);
    return all.filter((practitioner) => offering.has(practitioner.id));
  });
  app.get('/practitioners/:id', async (c) =>
    jsonResponse(presentPractitioner(c.var.scope, await findOr404(c.var.scope, 'practitioners', pathId(c)))),
  );
}
