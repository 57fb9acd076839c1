/**
 * What the full body of each path means, as the contract documents it: the FHIR elements (or, for patients, the
 * summary fields) a few of its fields must become. And one update per path: the fields an SDK `update(id, fields)`
 * sends, and what the record then says.
 */
import type { ResourcePath } from '@clinikapi/core';

type Expected = Record<string, unknown>;
const text = (value: string) => ({ text: value });
const ref = (reference: string) => ({ reference });

/** Elements of the FHIR resource the full body must produce (patients: fields of the PatientSummary). */
export function fullBodyMeaning(patientId: string): Record<ResourcePath, Expected> {
  const patient = ref(`Patient/${patientId}`);
  return {
    patients: { fullName: 'Mary Ann Evans', firstName: 'Mary Ann', email: 'mary@example.org', birthDate: '1969-11-22' },
    practitioners: { resourceType: 'Practitioner', name: [{ given: ['Ravi'], family: 'Shah' }], identifier: [{ value: '1234567893' }] },
    'practitioner-roles': { practitioner: ref('Practitioner/prac-1'), code: [text('doctor')] },
    encounters: { status: 'finished', class: { code: 'AMB' }, subject: patient, reasonCode: [text('Hypertension review')] },
    observations: { code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] }, subject: patient, valueQuantity: { value: 72 } },
    medications: { code: { coding: [{ code: '308182' }] }, status: 'active' },
    prescriptions: {
      subject: patient,
      requester: ref('Practitioner/prac-1'),
      intent: 'order',
      dispenseRequest: { numberOfRepeatsAllowed: 2 },
    },
    appointments: { start: '2025-02-01T14:00:00Z', end: '2025-02-01T14:45:00Z', minutesDuration: 30 },
    intakes: { subject: patient, status: 'completed', questionnaire: 'https://example.org/Questionnaire/intake' },
    consents: {
      patient,
      status: 'active',
      scope: { coding: [{ code: 'research' }] },
      provision: { type: 'permit', provision: [{ type: 'deny', action: [{ coding: [{ code: 'disclose' }] }] }] },
    },
    labs: {
      subject: patient,
      status: 'final',
      conclusion: 'Cholesterol mildly raised',
      result: [ref('Observation/obs-1'), ref('Observation/obs-2')],
    },
    notes: { subject: patient, docStatus: 'final', author: [ref('Practitioner/prac-1')] },
    assessments: { subject: patient, summary: 'Blood pressure controlled on current therapy.', assessor: ref('Practitioner/prac-1') },
    documents: {
      subject: patient,
      title: 'Discharge summary',
      author: [ref('Practitioner/prac-1')],
      section: [
        { section: [{ entry: [ref('Encounter/enc-1')], section: [{ title: 'Morning', author: [ref('Practitioner/nurse-1')] }] }] },
        { title: 'Plan' },
      ],
    },
    'appointment-responses': { appointment: ref('Appointment/appt-1'), actor: patient, participantStatus: 'tentative' },
    tasks: {
      for: patient,
      owner: ref('Practitioner/nurse-1'),
      basedOn: [ref('ServiceRequest/sr-1'), ref('CarePlan/cp-1')],
      focus: ref('ServiceRequest/sr-1'),
    },
    slots: { schedule: ref('Schedule/sched-1'), status: 'free', serviceType: [text('Consultation')] },
    organizations: {
      name: 'Riverside Family Clinic',
      partOf: ref('Organization/org-parent'),
      telecom: [{ system: 'email' }, { system: 'phone' }],
    },
    accounts: { subject: [patient], owner: ref('Organization/org-1'), coverage: [{ coverage: ref('Coverage/cov-1'), priority: 1 }] },
    'healthcare-services': { providedBy: ref('Organization/org-1'), appointmentRequired: true, location: [{ display: 'Main building' }] },
    'service-requests': {
      subject: patient,
      code: { coding: [{ code: '58410-2' }] },
      performer: [ref('Practitioner/nurse-1')],
      asNeededBoolean: false,
    },
    locations: { managingOrganization: ref('Organization/org-1'), position: { longitude: -97.7431, latitude: 30.2672 } },
    schedules: { actor: [ref('Practitioner/prac-1'), ref('Location/loc-1')], active: true },
    persons: {
      name: [{ given: ['Mary', 'Ann'], family: 'Evans' }],
      link: [{ target: patient, assurance: 'level3' }, { target: ref('Practitioner/prac-1') }],
    },
    'family-history': { patient, relationship: text('mother'), ageString: 'around 70', deceasedBoolean: true },
    'care-plans': { subject: patient, title: 'Diabetes Management Plan', goal: [ref('Goal/goal-1')] },
    immunizations: { patient, vaccineCode: { coding: [{ code: '208' }] }, lotNumber: 'EW0150' },
    claims: {
      patient,
      provider: ref('Organization/org-1'),
      insurance: [{ sequence: 1, focal: true, coverage: ref('Coverage/cov-1') }],
      total: { value: 100, currency: 'USD' },
    },
    'claim-responses': { patient, request: ref('Claim/claim-1'), outcome: 'complete', payment: { amount: { value: 80 } } },
    allergies: { patient, criticality: 'high', clinicalStatus: { coding: [{ code: 'active' }] } },
    'care-teams': {
      subject: patient,
      participant: [{ member: ref('Practitioner/prac-1'), onBehalfOf: ref('Organization/org-1') }, { member: patient }],
    },
    conditions: { subject: patient, code: { coding: [{ code: 'I10' }] }, clinicalStatus: { coding: [{ code: 'resolved' }] } },
    'charge-items': {
      subject: patient,
      context: ref('Encounter/enc-1'),
      priceOverride: { value: 80, currency: 'USD' },
      account: [ref('Account/acct-1')],
    },
    coverages: {
      beneficiary: patient,
      payor: [ref('Organization/org-insurer')],
      subscriberId: 'MEM-0042',
      policyHolder: ref('Organization/org-employer'),
    },
    'eligibility-requests': {
      patient,
      insurer: ref('Organization/org-insurer'),
      purpose: ['validation', 'benefits'],
      servicedDate: '2025-01-15',
    },
    'eligibility-responses': {
      patient,
      request: ref('CoverageEligibilityRequest/elig-req-1'),
      insurance: [{ coverage: ref('Coverage/cov-1'), inforce: true }],
    },
    eobs: { patient, claim: ref('Claim/claim-1'), claimResponse: ref('ClaimResponse/claimresp-1'), outcome: 'complete' },
    devices: {
      patient,
      deviceName: [{ name: 'Home blood pressure monitor', type: 'user-friendly-name' }],
      owner: ref('Organization/org-1'),
    },
    'device-requests': { subject: patient, codeCodeableConcept: text('Blood pressure monitor'), performer: ref('Practitioner/nurse-1') },
    'device-use-statements': { subject: patient, device: ref('Device/dev-1'), source: patient },
    goals: { subject: patient, lifecycleStatus: 'active', description: text('Reduce HbA1c to below 7%') },
    invoices: { subject: patient, recipient: patient, issuer: ref('Organization/org-1'), totalNet: { value: 80, currency: 'USD' } },
    'medication-dispenses': { subject: patient, authorizingPrescription: [ref('MedicationRequest/rx-1')], daysSupply: { value: 7 } },
    'medication-knowledge': { code: text('Amoxicillin 500 mg capsule'), doseForm: text('Capsule'), synonym: ['Amoxil'] },
    'medication-statements': {
      subject: patient,
      informationSource: patient,
      basedOn: [ref('MedicationRequest/rx-1')],
      effectivePeriod: { start: '2024-06-01' },
    },
    'payment-notices': {
      payment: ref('PaymentReconciliation/payrec-1'),
      recipient: ref('Organization/org-insurer'),
      request: ref('Claim/claim-1'),
      amount: { value: 80 },
    },
    'payment-reconciliations': { request: ref('Task/task-1'), paymentAmount: { value: 80 }, detail: [{ request: ref('Claim/claim-1') }] },
    specimens: { subject: patient, request: [ref('ServiceRequest/sr-1')], collection: { collector: ref('Practitioner/nurse-1') } },
    'imaging-studies': { subject: patient, numberOfInstances: 120, series: [{ modality: { code: 'CT' }, numberOfInstances: 120 }] },
    'enrollment-requests': { candidate: patient, coverage: ref('Coverage/cov-1'), insurer: ref('Organization/org-insurer') },
    'enrollment-responses': {
      request: ref('EnrollmentRequest/enrol-req-1'),
      organization: ref('Organization/org-insurer'),
      outcome: 'complete',
    },
    'immunization-evaluations': {
      patient,
      immunizationEvent: ref('Immunization/imm-1'),
      doseStatus: text('valid'),
      doseNumberPositiveInt: 1,
    },
    media: {
      subject: patient,
      content: { contentType: 'image/jpeg', url: 'https://example.org/media/wound.jpg' },
      device: ref('Device/dev-1'),
    },
    'activity-definitions': { url: 'https://example.org/fhir/BloodPressureCheck', kind: 'ServiceRequest', location: ref('Location/loc-1') },
    'nutrition-orders': { patient, orderer: ref('Practitioner/prac-1'), allergyIntolerance: [ref('AllergyIntolerance/allergy-1')] },
    'plan-definitions': { status: 'draft', goal: [{ description: text('Blood pressure below 140/90') }] },
    'vision-prescriptions': {
      patient,
      prescriber: ref('Practitioner/prac-1'),
      lensSpecification: [
        { eye: 'right', sphere: -2.25 },
        { eye: 'left', power: -2 },
      ],
    },
    'risk-assessments': {
      subject: patient,
      condition: ref('Condition/cond-1'),
      basedOn: ref('ServiceRequest/sr-1'),
      prediction: [{ probabilityDecimal: 0.12 }],
    },
    'audit-events': {
      recorded: '2025-01-15T10:00:00Z',
      agent: [{ who: ref('Practitioner/prac-1'), requestor: true }, { who: { identifier: { value: 'reception-terminal-3' } } }],
      entity: [{ what: patient }],
    },
    measures: { status: 'active', scoring: { coding: [{ code: 'proportion' }] } },
    'measure-reports': { subject: patient, measure: 'Measure/measure-1', period: { start: '2025-01-01', end: '2025-01-31' } },
    'immunization-recommendations': { patient, recommendation: [{ forecastStatus: text('due'), doseNumberPositiveInt: 2 }] },
  };
}

/** One SDK `update(id, fields)` per path that can be changed, and what the record then says. */
export const UPDATES: Partial<Record<ResourcePath, { readonly fields: Expected; readonly then: Expected }>> = {
  patients: { fields: { phone: '+1 555 0100' }, then: { phone: '+1 555 0100', firstName: 'Mary Ann' } },
  encounters: { fields: { status: 'cancelled' }, then: { status: 'cancelled' } },
  appointments: { fields: { status: 'fulfilled', comment: 'Seen on time' }, then: { status: 'fulfilled', comment: 'Seen on time' } },
  consents: { fields: { status: 'inactive' }, then: { status: 'inactive' } },
  tasks: {
    fields: { status: 'completed', output: [{ type: 'Reached', valueBoolean: false }] },
    then: { status: 'completed', output: [{ type: text('Reached'), valueBoolean: false }] },
  },
  slots: { fields: { status: 'busy', overbooked: true }, then: { status: 'busy', overbooked: true } },
  organizations: { fields: { active: false }, then: { active: false } },
  accounts: { fields: { name: 'Renamed account' }, then: { name: 'Renamed account' } },
  locations: { fields: { status: 'suspended' }, then: { status: 'suspended' } },
  schedules: { fields: { comment: 'March rota' }, then: { comment: 'March rota' } },
  persons: {
    fields: { email: 'mary.evans@example.org' },
    then: { telecom: [{ system: 'email', value: 'mary.evans@example.org' }, { system: 'phone' }] },
  },
  claims: { fields: { status: 'cancelled' }, then: { status: 'cancelled' } },
  coverages: { fields: { network: 'Example HMO' }, then: { network: 'Example HMO' } },
  devices: { fields: { status: 'inactive', note: 'Returned' }, then: { status: 'inactive', note: [text('Returned')] } },
  'device-use-statements': { fields: { status: 'completed' }, then: { status: 'completed' } },
  invoices: {
    fields: { status: 'cancelled', cancelledReason: 'Issued twice' },
    then: { status: 'cancelled', cancelledReason: 'Issued twice' },
  },
  'nutrition-orders': { fields: { status: 'completed' }, then: { status: 'completed' } },
  'measure-reports': { fields: { status: 'error' }, then: { status: 'error' } },
  'vision-prescriptions': { fields: { status: 'cancelled' }, then: { status: 'cancelled' } },
};
