/**
 * The demo data set: the demo clinic's practitioner and patients (`@clinikapi/core`'s, which the emulator seeds too),
 * with a chart for `demo-patient` (the id the official docs use in their demo-mode examples). Dates are pinned so
 * demos and screenshots are deterministic. Every name and number is invented.
 */
import { DEMO_PRACTITIONER, type Resource } from '@clinikapi/core';

export const DEMO_PATIENT_ID = 'demo-patient';

/** The id of the demo cast's patient `index` (`DEMO_PATIENTS[index]`): the first is `demo-patient`. */
export const demoPatientId = (index: number): string => (index === 0 ? DEMO_PATIENT_ID : `demo-patient-${index + 1}`);

const subject = { reference: `Patient/${DEMO_PATIENT_ID}` };
const practitionerName = [...(DEMO_PRACTITIONER.prefix ?? []), DEMO_PRACTITIONER.firstName, DEMO_PRACTITIONER.lastName].join(' ');
const performer = [{ reference: 'Practitioner/demo-practitioner', display: practitionerName }];
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });
const snomed = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }], text: display });

/** Every other record, as stored FHIR resources keyed by path. */
export const DEMO_RECORDS: Readonly<Record<string, readonly Resource[]>> = {
  practitioners: [
    {
      resourceType: 'Practitioner',
      id: 'demo-practitioner',
      active: true,
      name: [
        {
          ...(DEMO_PRACTITIONER.prefix ? { prefix: [...DEMO_PRACTITIONER.prefix] } : {}),
          given: [DEMO_PRACTITIONER.firstName],
          family: DEMO_PRACTITIONER.lastName,
        },
      ],
    },
  ],
  observations: [
    {
      resourceType: 'Observation',
      id: 'demo-hr-1',
      status: 'final',
      subject,
      performer,
      code: loinc('8867-4', 'Heart rate'),
      effectiveDateTime: '2026-01-12T09:30:00Z',
      valueQuantity: { value: 72, unit: 'beats/min', system: 'http://unitsofmeasure.org', code: '/min' },
    },
    {
      resourceType: 'Observation',
      id: 'demo-hr-2',
      status: 'final',
      subject,
      performer,
      code: loinc('8867-4', 'Heart rate'),
      effectiveDateTime: '2026-02-09T10:05:00Z',
      valueQuantity: { value: 68, unit: 'beats/min', system: 'http://unitsofmeasure.org', code: '/min' },
    },
    {
      resourceType: 'Observation',
      id: 'demo-bp-1',
      status: 'final',
      subject,
      performer,
      code: loinc('85354-9', 'Blood pressure panel'),
      effectiveDateTime: '2026-02-09T10:05:00Z',
      component: [
        {
          code: loinc('8480-6', 'Systolic blood pressure'),
          valueQuantity: { value: 128, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
        },
        {
          code: loinc('8462-4', 'Diastolic blood pressure'),
          valueQuantity: { value: 82, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
        },
      ],
    },
    {
      resourceType: 'Observation',
      id: 'demo-temp-1',
      status: 'final',
      subject,
      performer,
      code: loinc('8310-5', 'Body temperature'),
      effectiveDateTime: '2026-02-09T10:05:00Z',
      valueQuantity: { value: 36.8, unit: 'Cel', system: 'http://unitsofmeasure.org', code: 'Cel' },
    },
  ],
  encounters: [
    {
      resourceType: 'Encounter',
      id: 'demo-encounter-1',
      status: 'finished',
      class: { code: 'AMB', display: 'ambulatory' },
      subject,
      period: { start: '2026-02-09T10:00:00Z', end: '2026-02-09T10:30:00Z' },
      reasonCode: [{ text: 'Blood pressure review' }],
    },
  ],
  conditions: [
    {
      resourceType: 'Condition',
      id: 'demo-condition-1',
      subject,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: snomed('38341003', 'Hypertension'),
      onsetDateTime: '2024-03-01',
    },
  ],
  allergies: [
    {
      resourceType: 'AllergyIntolerance',
      id: 'demo-allergy-1',
      patient: subject,
      clinicalStatus: { coding: [{ code: 'active' }] },
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      code: { text: 'Penicillin' },
    },
  ],
  prescriptions: [
    {
      resourceType: 'MedicationRequest',
      id: 'demo-prescription-1',
      status: 'active',
      intent: 'order',
      subject,
      requester: performer[0],
      medicationCodeableConcept: { text: 'Lisinopril 10 mg tablet' },
      dosageInstruction: [{ text: 'One tablet by mouth once daily' }],
      authoredOn: '2026-02-09',
    },
  ],
  immunizations: [
    {
      resourceType: 'Immunization',
      id: 'demo-immunization-1',
      status: 'completed',
      patient: subject,
      vaccineCode: { text: 'Influenza, seasonal' },
      occurrenceDateTime: '2025-10-14',
    },
  ],
  appointments: [
    {
      resourceType: 'Appointment',
      id: 'demo-appointment-1',
      status: 'booked',
      start: '2026-05-11T14:00:00Z',
      end: '2026-05-11T14:20:00Z',
      description: 'Blood pressure follow-up',
      participant: [
        { actor: subject, status: 'accepted' },
        { actor: performer[0], status: 'accepted' },
      ],
    },
  ],
  labs: [
    {
      resourceType: 'DiagnosticReport',
      id: 'demo-lab-1',
      status: 'final',
      subject,
      code: loinc('24323-8', 'Comprehensive metabolic panel'),
      effectiveDateTime: '2026-02-09T10:15:00Z',
      conclusion: 'Within normal limits.',
    },
  ],
  notes: [
    {
      resourceType: 'DocumentReference',
      id: 'demo-note-1',
      status: 'current',
      subject,
      description: 'Blood pressure review',
      content: [{ attachment: { contentType: 'text/plain', title: 'Progress note' } }],
      date: '2026-02-09T10:30:00Z',
    },
  ],
  goals: [
    { resourceType: 'Goal', id: 'demo-goal-1', lifecycleStatus: 'active', subject, description: { text: 'Blood pressure below 130/80' } },
  ],
  'care-plans': [
    { resourceType: 'CarePlan', id: 'demo-care-plan-1', status: 'active', intent: 'plan', subject, title: 'Hypertension management' },
  ],
};
