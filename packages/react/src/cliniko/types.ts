/**
 * Cliniko's records as the proxy answers them (`upstreams.cliniko()`): snake_case as on the wire, ids as digit
 * strings (18-digit ids are larger than any JavaScript number can hold exactly, so an id is never a number here), and
 * relations as links on the proxy's mount. Only the fields the hooks and widgets read are listed; Cliniko sends more.
 */

/** A Cliniko id: an int64 sent as a string of digits. Compare and store it as text; never `Number(id)`. */
export type ClinikoId = string;

/** A relation or an object's own address: `{ links: { self: "/api/cliniko/patients/1001" } }`, on the proxy's mount. */
export interface ClinikoLink {
  readonly links: { readonly self: string };
}

/** The paging links of a list; follow `next` to get the next page through the proxy. */
export interface ClinikoListLinks {
  readonly self: string;
  readonly next?: string;
  readonly previous?: string;
}

/** One page of a Cliniko list: `{ patients: [...], total_entries, links }`. */
export type ClinikoList<Key extends string, Item> = { readonly [K in Key]: readonly Item[] } & {
  readonly total_entries: number;
  readonly links: ClinikoListLinks;
};

/** The user the proxy's key belongs to (`GET /user`). */
export interface ClinikoUser extends ClinikoLink {
  readonly id: ClinikoId;
  readonly title: string | null;
  readonly first_name: string;
  readonly last_name: string;
  readonly email: string;
  readonly role: string;
  /** Cliniko's label of the account's zone, e.g. `Melbourne` (not an IANA id). */
  readonly time_zone: string;
  readonly user_active: boolean;
}

export interface ClinikoBusiness extends ClinikoLink {
  readonly id: ClinikoId;
  readonly business_name: string;
  readonly display_name: string | null;
  readonly label: string;
  readonly address_1: string | null;
  readonly address_2: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly post_code: string | null;
  readonly country: string | null;
  readonly show_in_online_bookings: boolean;
  /** Cliniko's label of the business's zone, e.g. `Melbourne`. */
  readonly time_zone: string;
  /** The IANA zone the business keeps its calendar in, e.g. `Australia/Melbourne`. */
  readonly time_zone_identifier?: string | null;
  readonly archived_at: string | null;
}

export interface ClinikoPractitioner extends ClinikoLink {
  readonly id: ClinikoId;
  readonly title: string | null;
  readonly first_name: string;
  readonly last_name: string;
  readonly label: string;
  readonly designation: string | null;
  readonly description: string | null;
  readonly show_in_online_bookings: boolean;
  readonly default_appointment_type: ClinikoLink | null;
  readonly user: ClinikoLink | null;
}

export interface ClinikoAppointmentType extends ClinikoLink {
  readonly id: ClinikoId;
  readonly name: string;
  readonly category: string | null;
  /** `#rrggbb` or `#rgb`. */
  readonly color: string | null;
  readonly description: string | null;
  readonly duration_in_minutes: number;
  /** 1 for individual appointments; more for groups. */
  readonly max_attendees: number;
  readonly show_in_online_bookings: boolean;
  readonly archived_at: string | null;
}

/** A bookable start (`GET …/available_times`): a UTC instant. */
export interface ClinikoAvailableTime {
  readonly appointment_start: string;
}

/** `GET …/next_available_time`: no `appointment_start` when nothing is free in the window. */
export interface ClinikoNextAvailableTime {
  readonly appointment_start?: string;
}

export interface ClinikoPhoneNumber {
  readonly phone_type: string;
  readonly number: string;
}

export interface ClinikoPatient extends ClinikoLink {
  readonly id: ClinikoId;
  readonly title: string;
  readonly first_name: string;
  readonly last_name: string;
  readonly preferred_first_name: string | null;
  readonly label: string;
  readonly date_of_birth: string | null;
  readonly email: string;
  readonly sex: string;
  readonly patient_phone_numbers: readonly ClinikoPhoneNumber[];
  readonly city: string;
  readonly archived_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly medical_alerts: ClinikoLink;
}

/** What `POST /patients` takes here; Cliniko requires the names. */
export interface ClinikoPatientInput {
  readonly first_name: string;
  readonly last_name: string;
  readonly email?: string;
  /** `YYYY-MM-DD`. */
  readonly date_of_birth?: string;
  readonly patient_phone_numbers?: readonly ClinikoPhoneNumber[];
  readonly [field: string]: unknown;
}

export interface ClinikoMedicalAlert extends ClinikoLink {
  readonly id: ClinikoId;
  readonly name: string;
  readonly patient: ClinikoLink;
  readonly archived_at: string | null;
}

export interface ClinikoMedicalAlertInput {
  readonly name: string;
  readonly patient_id: ClinikoId;
}

export interface ClinikoAppointment extends ClinikoLink {
  readonly id: ClinikoId;
  /** UTC instant. */
  readonly starts_at: string;
  readonly ends_at: string;
  readonly patient_name: string;
  readonly notes: string | null;
  readonly did_not_arrive: boolean;
  readonly patient_arrived: boolean;
  readonly cancelled_at: string | null;
  readonly cancellation_reason: number | null;
  readonly archived_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly appointment_type: ClinikoLink | null;
  readonly business: ClinikoLink | null;
  readonly practitioner: ClinikoLink | null;
  readonly patient: ClinikoLink | null;
}

/** What `POST /individual_appointments` takes. `ends_at` defaults to the start plus the type's duration. */
export interface ClinikoAppointmentInput {
  readonly starts_at: string;
  readonly ends_at?: string;
  readonly patient_id: ClinikoId;
  readonly practitioner_id: ClinikoId;
  readonly appointment_type_id: ClinikoId;
  readonly business_id: ClinikoId;
  readonly notes?: string;
}

/** Cliniko's cancellation reasons (`cancellation_reason`). */
export const CLINIKO_CANCELLATION_REASONS = {
  feelingBetter: 10,
  conditionWorse: 20,
  sick: 30,
  covid: 31,
  away: 40,
  other: 50,
  work: 60,
} as const;

export type ClinikoCancellationReason = (typeof CLINIKO_CANCELLATION_REASONS)[keyof typeof CLINIKO_CANCELLATION_REASONS];
