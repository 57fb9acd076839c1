/**
 * Patients: `GET /patients` (archived left out), `/patients/archived`, `/patients/:id` (archived ones too, with
 * `archived_at` set — our choice), `POST`, `PUT`/`PATCH /:id`, `POST /:id/archive` (204), `POST /:id/unarchive`
 * (the patient), and the deprecated `DELETE /:id`, which archives.
 */
import { isTimeZone } from '@clinikapi/core';
import type { Context, Hono } from 'hono';
import { readBody } from '../http/body.ts';
import { validationFailed } from '../errors.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { archive, createdResponse, findOr404, insertRecord, pathId, saveRecord } from './records.ts';
import { applyFields, type FieldRules } from './write-fields.ts';

const TEXT = [
  'title',
  'preferred_first_name',
  'pronouns',
  'sex',
  'gender_identity',
  'address_1',
  'address_2',
  'address_3',
  'city',
  'state',
  'post_code',
  'country',
  'time_zone',
  'occupation',
  'emergency_contact',
  'notes',
  'appointment_notes',
  'old_reference_id',
  'referral_source',
  'medicare',
  'medicare_reference_number',
  'dva_card_number',
  'invoice_default_to',
  'invoice_email',
  'invoice_extra_information',
] as const;

const NULLABLE_TEXT: ReadonlySet<string> = new Set(['preferred_first_name', 'pronouns', 'time_zone']);

const RULES: FieldRules = {
  ...Object.fromEntries(TEXT.map((field) => [field, { kind: 'string', max: 255 }])),
  notes: { kind: 'string' },
  appointment_notes: { kind: 'string' },
  first_name: { kind: 'string', max: 255 },
  last_name: { kind: 'string', max: 255 },
  email: { kind: 'string', max: 255, email: true },
  invoice_email: { kind: 'string', max: 255, email: true },
  date_of_birth: { kind: 'date' },
  country_code: { kind: 'string', max: 2 },
  patient_phone_numbers: { kind: 'phones' },
  receives_confirmation_emails: { kind: 'boolean' },
  reminder_type: { kind: 'choice', values: ['SMS & Email', 'SMS', 'Email', 'None'] },
  accepted_privacy_policy: { kind: 'boolean' },
  accepted_email_marketing: { kind: 'boolean' },
  accepted_sms_marketing: { kind: 'boolean' },
  custom_fields: { kind: 'object' },
};

const REQUIRED = ['first_name', 'last_name'];

/** What a new patient starts with before the body is applied. */
const NEW_PATIENT: Record<string, unknown> = {
  patient_phone_numbers: [],
  receives_confirmation_emails: true,
  reminder_type: 'SMS & Email',
  accepted_privacy_policy: null,
  accepted_email_marketing: false,
  accepted_sms_marketing: false,
  custom_fields: null,
  archived_at: null,
};

export function presentPatient(scope: RequestScope, patient: StoredRecord): object {
  const { links } = scope;
  const path = `/patients/${patient.id}`;
  return {
    id: patient.id,
    first_name: patient.first_name,
    last_name: patient.last_name,
    label: [patient.first_name, patient.last_name].filter(Boolean).join(' '),
    // Cliniko answers "" for empty text, and null for the few fields it types as nullable.
    ...Object.fromEntries(TEXT.map((field) => [field, patient[field] ?? (NULLABLE_TEXT.has(field) ? null : '')])),
    // `gender` is deprecated since 2018: still answered, written through `sex` and `gender_identity`.
    gender: patient.sex ?? '',
    date_of_birth: patient.date_of_birth ?? null,
    email: patient.email ?? '',
    country_code: patient.country_code ?? null,
    patient_phone_numbers: patient.patient_phone_numbers ?? [],
    receives_confirmation_emails: patient.receives_confirmation_emails !== false,
    reminder_type: patient.reminder_type ?? 'SMS & Email',
    accepted_privacy_policy: patient.accepted_privacy_policy ?? null,
    accepted_email_marketing: patient.accepted_email_marketing === true,
    accepted_sms_marketing: patient.accepted_sms_marketing === true,
    custom_fields: patient.custom_fields ?? null,
    archived_at: patient.archived_at ?? null,
    deleted_at: null,
    created_at: patient.created_at,
    updated_at: patient.updated_at,
    concession_type: null,
    referring_doctor: null,
    medical_alerts: links.ref(`${path}/medical_alerts`),
    invoices: links.ref(`${path}/invoices`),
    appointments: links.ref(`${path}/appointments?page=1`),
    links: { self: links.url(path) },
  };
}

const PATIENT_FILTERS = {
  ...COMMON_FIELDS,
  archived_at: 'datetime',
  date_of_birth: 'date',
  email: 'string',
  first_name: 'string',
  last_name: 'string',
  old_reference_id: 'string',
} as const;

const LIST = { plural: 'patients', filters: PATIENT_FILTERS, hiddenWhenSet: ['archived_at'] } as const;

async function patientFields(c: Context<ClinikoEnv>, current: Record<string, unknown>): Promise<Record<string, unknown>> {
  const fields = applyFields(await readBody(c.req.raw), RULES, current, REQUIRED);
  if (typeof fields.time_zone === 'string' && fields.time_zone !== '' && !isTimeZone(fields.time_zone))
    throw validationFailed({ time_zone: 'is invalid' });
  return fields;
}

export function mountPatients(app: Hono<ClinikoEnv>): void {
  for (const archivedOnly of [false, true]) {
    app.get(archivedOnly ? '/patients/archived' : '/patients', async (c) => {
      const { scope } = c.var;
      const all = await scope.store.list(scope.account.id, 'patients');
      const spec = archivedOnly ? { ...LIST, hiddenWhenSet: [] } : LIST;
      return listResponse(c, spec, archivedOnly ? all.filter((patient) => patient.archived_at) : all, (patient) =>
        presentPatient(scope, patient),
      );
    });
  }
  app.get('/patients/:id', async (c) => jsonResponse(presentPatient(c.var.scope, await findOr404(c.var.scope, 'patients', pathId(c)))));
  app.post('/patients', async (c) => {
    const { scope } = c.var;
    const patient = await insertRecord(scope, 'patients', await patientFields(c, NEW_PATIENT));
    return createdResponse(scope.links.url(`/patients/${patient.id}`), presentPatient(scope, patient));
  });
  for (const method of ['put', 'patch'] as const) {
    app[method]('/patients/:id', async (c) => {
      const { scope } = c.var;
      const patient = await findOr404(scope, 'patients', pathId(c));
      return jsonResponse(presentPatient(scope, await saveRecord(scope, 'patients', patient, await patientFields(c, patient))));
    });
  }
  app.post('/patients/:id/archive', (c) => archive(c.var.scope, 'patients', pathId(c)));
  app.delete('/patients/:id', (c) => archive(c.var.scope, 'patients', pathId(c)));
  app.post('/patients/:id/unarchive', async (c) => {
    const { scope } = c.var;
    const patient = await findOr404(scope, 'patients', pathId(c));
    return jsonResponse(presentPatient(scope, await saveRecord(scope, 'patients', patient, { ...patient, archived_at: null })));
  });
}
