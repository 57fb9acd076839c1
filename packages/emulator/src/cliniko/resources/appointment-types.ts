/**
 * Appointment types: `GET /appointment_types` (archived left out), `/appointment_types/archived`, `/:id`,
 * `GET /practitioners/:id/appointment_types`, `POST`, `PUT`/`PATCH /:id`, `POST /:id/archive`, and the deprecated
 * `DELETE /:id`, which archives (as the current docs describe it).
 */
import type { Context, Hono } from 'hono';
import { readBody } from '../http/body.ts';
import { validationFailed } from '../errors.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { archive, createdResponse, findOr404, insertRecord, pathId, saveRecord } from './records.ts';
import { applyFields, type FieldRules } from './write-fields.ts';

const LEAD_TIMES = [0, 1, 2, 4, 12, 18, 24, 48, 72, 168, 336, 504, 672];

const RULES: FieldRules = {
  name: { kind: 'string', max: 255 },
  category: { kind: 'string', max: 255 },
  color: { kind: 'string' },
  description: { kind: 'string' },
  duration_in_minutes: { kind: 'integer', min: 0, max: 1440 },
  max_attendees: { kind: 'integer', min: 0, max: 100 },
  show_in_online_bookings: { kind: 'boolean' },
  telehealth_enabled: { kind: 'boolean' },
  online_bookings_lead_time_hours: { kind: 'integer', min: 0, max: 672, oneOf: LEAD_TIMES },
  online_payments_mode: { kind: 'choice', values: ['deposit_required', 'optional', 'required'] },
  deposit_price: { kind: 'string' },
  practitioner_ids: { kind: 'ids' },
};

const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function presentAppointmentType(scope: RequestScope, type: StoredRecord): object {
  const { links } = scope;
  const byType = `?q%5B%5D=appointment_type_id%3A%3D${type.id}`;
  return {
    id: type.id,
    name: type.name,
    category: type.category ?? null,
    color: type.color ?? null,
    description: type.description ?? null,
    duration_in_minutes: type.duration_in_minutes,
    max_attendees: type.max_attendees ?? 1,
    show_in_online_bookings: type.show_in_online_bookings === true,
    telehealth_enabled: type.telehealth_enabled === true,
    online_bookings_lead_time_hours: type.online_bookings_lead_time_hours ?? 0,
    online_payments_mode: type.online_payments_mode ?? null,
    deposit_price: type.deposit_price ?? null,
    archived_at: type.archived_at ?? null,
    created_at: type.created_at,
    updated_at: type.updated_at,
    billable_item: null,
    product: null,
    treatment_note_template: null,
    practitioners: links.ref(`/appointment_types/${type.id}/practitioners`),
    appointment_type_billable_items: links.ref(`/appointment_type_billable_items${byType}`),
    appointment_type_products: links.ref(`/appointment_type_products${byType}`),
    links: { self: links.url(`/appointment_types/${type.id}`) },
  };
}

const LIST = {
  plural: 'appointment_types',
  filters: {
    ...COMMON_FIELDS,
    archived_at: 'datetime',
    category: 'string',
    show_in_online_bookings: 'boolean',
    online_payments_mode: 'string',
  },
  sortable: { name: 'string', duration_in_minutes: 'integer' },
  hiddenWhenSet: ['archived_at'],
} as const;

/** Checks what the generic rules cannot: the colour's form, and that the practitioners exist. */
async function checkType(scope: RequestScope, fields: Record<string, unknown>): Promise<void> {
  const errors: Record<string, string> = {};
  if (typeof fields.color === 'string' && !COLOR.test(fields.color)) errors.color = 'is invalid';
  const ids = (fields.practitioner_ids as string[] | undefined) ?? [];
  if (ids.length > 0) {
    const known = new Set((await scope.store.list(scope.account.id, 'practitioners')).map((practitioner) => practitioner.id));
    if (!ids.every((id) => known.has(id))) errors.practitioner_ids = 'is invalid';
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}

export function mountAppointmentTypes(app: Hono<ClinikoEnv>): void {
  const list = (archivedOnly: boolean) => async (c: Context<ClinikoEnv>) => {
    const { scope } = c.var;
    const all = await scope.store.list(scope.account.id, 'appointment_types');
    const chosen = archivedOnly ? all.filter((type) => type.archived_at) : all;
    return listResponse(c, archivedOnly ? { ...LIST, hiddenWhenSet: [] } : LIST, chosen, (type) => presentAppointmentType(scope, type));
  };
  app.get('/appointment_types', list(false));
  app.get('/appointment_types/archived', list(true));
  app.get('/practitioners/:id/appointment_types', async (c) => {
    const { scope } = c.var;
    const practitioner = await findOr404(scope, 'practitioners', pathId(c));
    const offered = (await scope.store.list(scope.account.id, 'appointment_types')).filter((type) =>
      (type.practitioner_ids as string[] | undefined)?.includes(practitioner.id),
    );
    return listResponse(c, LIST, offered, (type) => presentAppointmentType(scope, type));
  });
  app.get('/appointment_types/:id', async (c) =>
    jsonResponse(presentAppointmentType(c.var.scope, await findOr404(c.var.scope, 'appointment_types', pathId(c)))),
  );
  app.post('/appointment_types', async (c) => {
    const { scope } = c.var;
    const fields = applyFields(
      await readBody(c.req.raw),
      RULES,
      { max_attendees: 1, show_in_online_bookings: false, practitioner_ids: [], archived_at: null },
      ['name', 'duration_in_minutes'],
    );
    await checkType(scope, fields);
    const type = await insertRecord(scope, 'appointment_types', fields);
    return createdResponse(scope.links.url(`/appointment_types/${type.id}`), presentAppointmentType(scope, type));
  });
  for (const method of ['put', 'patch'] as const) {
    app[method]('/appointment_types/:id', async (c) => {
      const { scope } = c.var;
      const type = await findOr404(scope, 'appointment_types', pathId(c));
      const fields = applyFields(await readBody(c.req.raw), RULES, type, ['name', 'duration_in_minutes']);
      await checkType(scope, fields);
      return jsonResponse(presentAppointmentType(scope, await saveRecord(scope, 'appointment_types', type, fields)));
    });
  }
  app.post('/appointment_types/:id/archive', (c) => archive(c.var.scope, 'appointment_types', pathId(c)));
  app.delete('/appointment_types/:id', (c) => archive(c.var.scope, 'appointment_types', pathId(c)));
}
