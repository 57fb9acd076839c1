/**
 * The Cliniko API v1 resources ClinikAPI's packages carry: each resource's name, how its records belong to a
 * patient, the fields its lists filter (`q[]`) and sort on, and every route — nested ones included — with the
 * method and operation it is. The proxy authorizes and forwards from this table, the emulator is checked against
 * it, and a Cliniko client can take the names from it.
 *
 * Paths are Cliniko's current docs' (`PATCH` updates, `POST …/archive`); the deprecated `DELETE …/:id` archives, as
 * Cliniko describes it. Routes Cliniko documents that are not carried (group appointments, attendees, invoices,
 * treatment notes, contacts, bookings, availability inputs, the `/deleted` lists, `PUT`) are listed in the proxy's
 * README.
 */
import type { HttpMethod, ResourceOperation } from './catalogue.ts';

/** Cliniko's rate limit: requests per minute per user, every key of the user counted together. */
export const CLINIKO_REQUESTS_PER_MINUTE = 200;

/** The type of a filterable field, which decides the `q[]` operators it takes. */
export type ClinikoFieldType = 'date' | 'datetime' | 'integer' | 'string' | 'boolean';

/**
 * What a route does to its resource. Cliniko's cancel, archive and unarchive are operations of their own (a
 * patient portal may cancel a booking without being able to move it).
 */
export type ClinikoOperation = 'read' | 'search' | 'create' | 'update' | 'cancel' | 'archive' | 'unarchive';

/**
 * What a call does to its resource, across both APIs: ClinikAPI's operations and Cliniko's own, so a grant can allow
 * one without the others.
 */
export type Interaction = ResourceOperation | ClinikoOperation;

export interface ClinikoResourceDefinition {
  readonly api: 'cliniko';
  /** The name as Cliniko's paths and list bodies spell it: `individual_appointments`. */
  readonly path: string;
  /** The record's kind in Cliniko's own terms (`IndividualAppointment`), for audit records. */
  readonly resourceType: string;
  /**
   * How a record names its patient: `'self'` for patients, `'patient'` for records with a `patient` relation
   * (`patient.links.self`), `null` for records of no patient.
   */
  readonly patientLink: 'self' | 'patient' | null;
  /** `q[]` fields and their types. */
  readonly filters: Readonly<Record<string, ClinikoFieldType>>;
  /** Columns `sort` takes besides the filters. */
  readonly sortable: readonly string[];
}

/** How a route answers: a page of records, one record, an object that is not a record (settings), or nothing. */
export type ClinikoAnswer = 'list' | 'record' | 'view' | 'none';

/** Query parameters a route takes: a list's (`q[]`, paging, `sort`), an availability window's, or none. */
export type ClinikoQueryKind = 'list' | 'window' | 'optional-window' | 'none';

export interface ClinikoRoute {
  /** `/patients/{patient_id}/medical_alerts`: `{id}` is the record's id, `{<name>_id}` a parent record's. */
  readonly path: string;
  readonly method: HttpMethod;
  readonly resource: string;
  readonly operation: ClinikoOperation;
  readonly answer: ClinikoAnswer;
  readonly query: ClinikoQueryKind;
}

const COMMON = { created_at: 'datetime', updated_at: 'datetime', id: 'integer' } as const satisfies Record<string, ClinikoFieldType>;

function resource(
  path: string,
  resourceType: string,
  patientLink: ClinikoResourceDefinition['patientLink'],
  filters: Readonly<Record<string, ClinikoFieldType>>,
  sortable: readonly string[] = [],
): ClinikoResourceDefinition {
  return { api: 'cliniko', path, resourceType, patientLink, filters, sortable };
}

/** The carried resources. */
export const CLINIKO_RESOURCES: readonly ClinikoResourceDefinition[] = [
  resource('users', 'User', null, COMMON, ['first_name', 'last_name']),
  resource('settings', 'Settings', null, {}),
  resource('businesses', 'Business', null, { ...COMMON, archived_at: 'datetime' }, ['business_name']),
  resource('practitioners', 'Practitioner', null, { ...COMMON, user_id: 'integer' }, ['first_name', 'last_name']),
  resource(
    'appointment_types',
    'AppointmentType',
    null,
    { ...COMMON, archived_at: 'datetime', category: 'string', show_in_online_bookings: 'boolean', online_payments_mode: 'string' },
    ['name', 'duration_in_minutes'],
  ),
  resource('available_times', 'AvailableTime', null, {}),
  resource('next_available_time', 'NextAvailableTime', null, {}),
  resource('patients', 'Patient', 'self', {
    ...COMMON,
    archived_at: 'datetime',
    date_of_birth: 'date',
    email: 'string',
    first_name: 'string',
    last_name: 'string',
    old_reference_id: 'string',
  }),
  resource('medical_alerts', 'MedicalAlert', 'patient', { ...COMMON, patient_id: 'integer', archived_at: 'datetime' }, ['name']),
  resource('individual_appointments', 'IndividualAppointment', 'patient', {
    ...COMMON,
    appointment_type_id: 'integer',
    business_id: 'integer',
    patient_id: 'integer',
    practitioner_id: 'integer',
    repeated_from_id: 'integer',
    archived_at: 'datetime',
    cancelled_at: 'datetime',
    deleted_at: 'datetime',
    starts_at: 'datetime',
    ends_at: 'datetime',
    did_not_arrive: 'boolean',
  }),
  // The legacy appointments: out of the docs since 2018 but still what patients', practitioners' and businesses'
  // `appointments` links point at. Read-only.
  resource('appointments', 'Appointment', 'patient', {
    ...COMMON,
    appointment_start: 'datetime',
    appointment_end: 'datetime',
    appointment_type_id: 'integer',
    business_id: 'integer',
    patient_id: 'integer',
    practitioner_id: 'integer',
  }),
];

const route = (
  method: HttpMethod,
  path: string,
  resource: string,
  operation: ClinikoOperation,
  answer: ClinikoAnswer,
  query: ClinikoQueryKind = 'none',
): ClinikoRoute => ({
  path,
  method,
  resource,
  operation,
  answer,
  query,
});
const list = (path: string, resource: string): ClinikoRoute => route('GET', path, resource, 'search', 'list', 'list');
const read = (path: string, resource: string): ClinikoRoute => route('GET', path, resource, 'read', 'record');

/** Create, read, update and archive (both ways) of a writable resource at `/<name>`. */
function writable(name: string): ClinikoRoute[] {
  return [
    read(`/${name}/{id}`, name),
    route('POST', `/${name}`, name, 'create', 'record'),
    route('PATCH', `/${name}/{id}`, name, 'update', 'record'),
    route('POST', `/${name}/{id}/archive`, name, 'archive', 'none'),
    route('DELETE', `/${name}/{id}`, name, 'archive', 'none'),
  ];
}

/** A list at `path` and its `/inactive` (practitioners), `/archived` or `/cancelled` twin. */
const lists = (path: string, twin: string, resource: string): ClinikoRoute[] => [list(path, resource), list(`${path}/${twin}`, resource)];

const AVAILABILITY = '/businesses/{business_id}/practitioners/{practitioner_id}/appointment_types/{appointment_type_id}';

/** Every carried route. */
export const CLINIKO_ROUTES: readonly ClinikoRoute[] = [
  read('/user', 'users'),
  list('/users', 'users'),
  read('/users/{id}', 'users'),
  route('GET', '/settings', 'settings', 'read', 'view'),
  route('GET', '/settings/public', 'settings', 'read', 'view'),

  list('/businesses', 'businesses'),
  read('/businesses/{id}', 'businesses'),
  route('POST', '/businesses/{id}/archive', 'businesses', 'archive', 'none'),
  route('POST', '/businesses/{id}/unarchive', 'businesses', 'unarchive', 'record'),

  ...lists('/practitioners', 'inactive', 'practitioners'),
  read('/practitioners/{id}', 'practitioners'),
  ...lists('/businesses/{business_id}/practitioners', 'inactive', 'practitioners'),
  ...lists('/appointment_types/{appointment_type_id}/practitioners', 'inactive', 'practitioners'),

  ...lists('/appointment_types', 'archived', 'appointment_types'),
  list('/practitioners/{practitioner_id}/appointment_types', 'appointment_types'),
  ...writable('appointment_types'),

  route('GET', `${AVAILABILITY}/available_times`, 'available_times', 'search', 'list', 'window'),
  route('GET', `${AVAILABILITY}/next_available_time`, 'next_available_time', 'read', 'view', 'optional-window'),

  ...lists('/patients', 'archived', 'patients'),
  ...writable('patients'),
  route('POST', '/patients/{id}/unarchive', 'patients', 'unarchive', 'record'),

  list('/medical_alerts', 'medical_alerts'),
  list('/patients/{patient_id}/medical_alerts', 'medical_alerts'),
  ...writable('medical_alerts'),

  ...lists('/individual_appointments', 'cancelled', 'individual_appointments'),
  route('GET', '/individual_appointments/{id}/conflicts', 'individual_appointments', 'read', 'view'),
  route('PATCH', '/individual_appointments/{id}/cancel', 'individual_appointments', 'cancel', 'none'),
  ...writable('individual_appointments'),

  ...lists('/appointments', 'cancelled', 'appointments'),
  read('/appointments/{id}', 'appointments'),
  route('GET', '/appointments/{id}/conflicts', 'appointments', 'read', 'view'),
  ...lists('/patients/{patient_id}/appointments', 'cancelled', 'appointments'),
  ...lists('/practitioners/{practitioner_id}/appointments', 'cancelled', 'appointments'),
  ...lists('/businesses/{business_id}/appointments', 'cancelled', 'appointments'),
];

/** Parent path parameters and the resource each names. */
export const CLINIKO_PARENT_PARAMS: Readonly<Record<string, string>> = {
  business_id: 'businesses',
  practitioner_id: 'practitioners',
  appointment_type_id: 'appointment_types',
  patient_id: 'patients',
};

const byName = new Map(CLINIKO_RESOURCES.map((entry) => [entry.path, entry]));

/** The carried Cliniko resource of that name, or `undefined`. */
export function findClinikoResource(name: string): ClinikoResourceDefinition | undefined {
  return byName.get(name);
}
