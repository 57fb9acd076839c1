/**
 * ClinikAPI webhook events: `{resource}.{action}` names (`patient.created`, `care-plan.deleted`) and the payload
 * every delivery carries. A webhook is a doorbell, not a delivery: the payload names a record, never its contents.
 * The emulator sends these; the proxy receives them.
 */
import { RESOURCE_CATALOGUE, type ResourceDefinition, type ResourcePath } from './catalogue.ts';

/** What happened to the record. */
export type WebhookAction = 'created' | 'updated' | 'deleted';

export const WEBHOOK_ACTIONS: readonly WebhookAction[] = ['created', 'updated', 'deleted'];

/** Which keys' traffic an event came from: `clk_live_*` or `clk_test_*`. */
export type WebhookEnvironment = 'live' | 'test';

export interface WebhookEventData {
  /** The event's resource name (`patient`, `care-plan`), not the FHIR type. */
  readonly resourceType: string;
  readonly resourceId: string;
  readonly action: WebhookAction;
  /** The sub-organisation whose key made the change, else the organisation. */
  readonly tenantId: string;
  readonly environment: WebhookEnvironment;
}

/** The body of a delivery. `id` is also sent as `X-Clinik-Delivery-Id` and is the same on every retry. */
export interface WebhookEvent {
  readonly id: string;
  /** `{resource}.{action}`, e.g. `patient.created`. */
  readonly event: string;
  /** ISO time of the change. */
  readonly timestamp: string;
  readonly data: WebhookEventData;
}

/** Each catalogue path's name in events: mostly the singular, with the documented exceptions. */
const EVENT_RESOURCE_NAMES: Readonly<Record<ResourcePath, string>> = {
  patients: 'patient',
  practitioners: 'practitioner',
  'practitioner-roles': 'practitioner-role',
  encounters: 'encounter',
  observations: 'observation',
  medications: 'medication',
  appointments: 'appointment',
  prescriptions: 'prescription',
  intakes: 'intake',
  consents: 'consent',
  labs: 'lab',
  notes: 'note',
  assessments: 'assessment',
  documents: 'document',
  'appointment-responses': 'appointment-response',
  tasks: 'task',
  slots: 'slot',
  organizations: 'organization',
  accounts: 'account',
  'healthcare-services': 'healthcare-service',
  'service-requests': 'service-request',
  locations: 'location',
  schedules: 'schedule',
  persons: 'person',
  'family-history': 'family-member-history',
  'care-plans': 'care-plan',
  immunizations: 'immunization',
  claims: 'claim',
  'claim-responses': 'claim-response',
  allergies: 'allergy',
  'care-teams': 'care-team',
  conditions: 'condition',
  'charge-items': 'charge-item',
  coverages: 'coverage',
  'eligibility-requests': 'eligibility-request',
  'eligibility-responses': 'eligibility-response',
  eobs: 'explanation-of-benefit',
  devices: 'device',
  'device-requests': 'device-request',
  'device-use-statements': 'device-use-statement',
  goals: 'goal',
  invoices: 'invoice',
  'medication-dispenses': 'medication-dispense',
  'medication-knowledge': 'medication-knowledge',
  'medication-statements': 'medication-statement',
  'payment-notices': 'payment-notice',
  'payment-reconciliations': 'payment-reconciliation',
  specimens: 'specimen',
  'imaging-studies': 'imaging-study',
  'enrollment-requests': 'enrollment-request',
  'enrollment-responses': 'enrollment-response',
  'immunization-evaluations': 'immunization-evaluation',
  media: 'media',
  'activity-definitions': 'activity-definition',
  'nutrition-orders': 'nutrition-order',
  'plan-definitions': 'plan-definition',
  'vision-prescriptions': 'vision-prescription',
  'risk-assessments': 'risk-assessment',
  'audit-events': 'audit-event',
  measures: 'measure',
  'measure-reports': 'measure-report',
  'immunization-recommendations': 'immunization-recommendation',
};

const byEventName = new Map<string, ResourceDefinition>(
  RESOURCE_CATALOGUE.map((definition) => [EVENT_RESOURCE_NAMES[definition.path], definition]),
);

/** The name events use for a catalogue path: `care-plans` → `care-plan`, `eobs` → `explanation-of-benefit`. */
export function webhookResourceName(path: ResourcePath): string {
  return EVENT_RESOURCE_NAMES[path];
}

/** The catalogue entry an event's `data.resourceType` names, or undefined for a name the API does not send. */
export function resourceOfWebhookName(name: string): ResourceDefinition | undefined {
  return byEventName.get(name);
}

/** `care-plan.updated` for `care-plans` and `updated`. */
export function webhookEventName(path: ResourcePath, action: WebhookAction): string {
  return `${webhookResourceName(path)}.${action}`;
}
