/**
 * One body per path of the other 43 (nearly every field), and the smallest body each accepts (its required fields
 * only), in the API's simplified shapes. The emulator's tests replace `PATIENT_ID` with a real patient's id.
 */
import type { OtherResourcePath } from '../src/schemas/registry.ts';
import { BILLING_EXAMPLES } from './other-examples/billing.ts';
import { CLINICAL_EXAMPLES } from './other-examples/clinical.ts';
import { DEFINITION_EXAMPLES } from './other-examples/definitions.ts';
import { MEDICATION_RECORD_EXAMPLES } from './other-examples/medication-records.ts';
import { SCHEDULING_EXAMPLES } from './other-examples/scheduling.ts';
import { WORKFLOW_EXAMPLES } from './other-examples/workflow.ts';
import { PATIENT_ID as PATIENT } from './widget-examples.ts';

export const OTHER_FULL_EXAMPLES: Record<OtherResourcePath, Record<string, unknown>> = {
  ...SCHEDULING_EXAMPLES,
  ...WORKFLOW_EXAMPLES,
  ...CLINICAL_EXAMPLES,
  ...MEDICATION_RECORD_EXAMPLES,
  ...BILLING_EXAMPLES,
  ...DEFINITION_EXAMPLES,
};

const money = { value: 80 };

export const OTHER_MINIMAL_EXAMPLES: Record<OtherResourcePath, Record<string, unknown>> = {
  'appointment-responses': { appointmentId: 'appt-1', participantStatus: 'accepted' },
  tasks: { status: 'requested', intent: 'order' },
  slots: { scheduleId: 'sched-1', status: 'free', start: '2025-02-03T09:00:00Z', end: '2025-02-03T09:15:00Z' },
  organizations: { name: 'Riverside Family Clinic' },
  accounts: { status: 'active' },
  'healthcare-services': { name: 'Travel vaccinations' },
  'service-requests': { status: 'active', intent: 'order', patientId: PATIENT },
  locations: { name: 'Room 4' },
  schedules: { actorIds: ['prac-1'] },
  persons: { firstName: 'Mary', lastName: 'Evans' },
  'family-history': { status: 'partial', patientId: PATIENT, relationship: 'father' },
  claims: {
    status: 'active',
    type: 'oral',
    use: 'claim',
    patientId: PATIENT,
    providerId: 'prac-1',
    priority: 'normal',
    insurance: [{ sequence: 1, focal: true, coverageId: 'cov-1' }],
  },
  'claim-responses': { status: 'active', type: 'oral', use: 'claim', patientId: PATIENT, insurerId: 'org-insurer', outcome: 'queued' },
  'care-teams': { name: 'Diabetes care team' },
  'charge-items': { status: 'planned', code: 'Office visit', patientId: PATIENT },
  coverages: { status: 'active', patientId: PATIENT, payorIds: ['org-insurer'] },
  'eligibility-requests': { status: 'active', purpose: ['validation'], patientId: PATIENT, insurerId: 'org-insurer' },
  'eligibility-responses': {
    status: 'active',
    purpose: ['validation'],
    patientId: PATIENT,
    requestId: 'elig-req-1',
    outcome: 'queued',
    insurerId: 'org-insurer',
  },
  eobs: {
    status: 'active',
    type: 'oral',
    use: 'claim',
    patientId: PATIENT,
    insurerId: 'org-insurer',
    providerId: 'prac-1',
    outcome: 'queued',
    insurance: [{ focal: true, coverageId: 'cov-1' }],
  },
  devices: { deviceName: 'Thermometer' },
  'device-requests': { intent: 'order', code: 'Thermometer', patientId: PATIENT },
  'device-use-statements': { status: 'completed', patientId: PATIENT, deviceId: 'dev-1' },
  invoices: { status: 'draft' },
  'medication-dispenses': { status: 'preparation', medication: 'Amoxicillin 500 mg', patientId: PATIENT },
  'medication-knowledge': {},
  'medication-statements': { status: 'active', medication: 'Lisinopril 10 mg', patientId: PATIENT },
  'payment-notices': { status: 'active', paymentId: 'payrec-1', recipientId: 'org-insurer', amount: money },
  'payment-reconciliations': { status: 'active', paymentDate: '2025-01-24', paymentAmount: money },
  specimens: { patientId: PATIENT },
  'imaging-studies': { status: 'registered', patientId: PATIENT },
  'enrollment-requests': { candidateId: PATIENT },
  'enrollment-responses': {},
  'immunization-evaluations': {
    status: 'completed',
    patientId: PATIENT,
    targetDisease: 'Measles',
    immunizationEventId: 'imm-1',
    doseStatus: 'valid',
  },
  media: { status: 'completed', content: { contentType: 'image/jpeg' } },
  'activity-definitions': { status: 'draft' },
  'nutrition-orders': { status: 'active', intent: 'order', patientId: PATIENT },
  'plan-definitions': { status: 'draft' },
  'vision-prescriptions': {
    status: 'active',
    patientId: PATIENT,
    dateWritten: '2025-01-15',
    prescriberId: 'prac-1',
    lensSpecification: [{ product: 'lens', eye: 'right' }],
  },
  'risk-assessments': { status: 'final', patientId: PATIENT },
  'audit-events': {
    type: 'rest',
    recorded: '2025-01-15T10:00:00Z',
    agent: [{ who: 'Practitioner/prac-1', requestor: true }],
    source: { observer: 'Device/ehr-server' },
  },
  measures: { status: 'draft' },
  'measure-reports': {
    status: 'pending',
    type: 'summary',
    measureId: 'https://example.org/fhir/Measure/cbp',
    period: { start: '2025-01-01', end: '2025-01-31' },
  },
  'immunization-recommendations': {
    patientId: PATIENT,
    date: '2025-01-15T10:00:00Z',
    recommendation: [{ targetDisease: 'Measles', forecastStatus: 'due' }],
  },
};
