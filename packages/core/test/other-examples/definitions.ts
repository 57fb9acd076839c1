/** Full bodies (nearly every field) of the definitions, measure reports and audit events. */
import { PATIENT_ID as PATIENT } from '../widget-examples.ts';

const metadata = (name: string) => ({
  name,
  title: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
  description: `The ${name} definition`,
  purpose: 'Consistent care',
  usage: 'Adults in primary care',
  publisher: 'Riverside Family Clinic',
  date: '2025-01-01',
  version: '1.0.0',
  url: `https://example.org/fhir/${name}`,
  experimental: false,
  topic: ['Hypertension'],
});

export const DEFINITION_EXAMPLES = {
  'activity-definitions': {
    status: 'active',
    ...metadata('BloodPressureCheck'),
    kind: 'ServiceRequest',
    code: { system: 'http://snomed.info/sct', code: '46973005', display: 'Blood pressure taking' },
    intent: 'order',
    priority: 'routine',
    doNotPerform: false,
    timingPeriod: { start: '2025-01-01', end: '2025-12-31' },
    locationId: 'loc-1',
    participant: [{ type: 'practitioner', role: 'Nurse' }],
    quantity: { value: 1, unit: 'reading' },
    bodySite: ['Left upper arm'],
  },
  'plan-definitions': {
    status: 'draft',
    ...metadata('HypertensionPathway'),
    type: 'clinical-protocol',
    goal: [{ description: 'Blood pressure below 140/90', priority: 'high-priority', category: 'Treatment' }],
    action: [
      {
        title: 'Measure blood pressure',
        description: 'At every visit',
        priority: 'routine',
        code: 'BP check',
        type: 'create',
        definitionUri: 'https://example.org/fhir/ActivityDefinition/BloodPressureCheck',
      },
    ],
  },
  measures: {
    status: 'active',
    ...metadata('ControllingBloodPressure'),
    scoring: 'proportion',
    type: ['outcome'],
    riskAdjustment: 'None',
    rationale: 'Controlled blood pressure lowers cardiovascular risk',
    clinicalRecommendationStatement: 'Treat to below 140/90',
    guidance: 'Use the most recent reading',
    group: [{ code: 'Adults 18-85', description: 'Patients with hypertension' }],
  },
  'measure-reports': {
    status: 'complete',
    type: 'individual',
    measureId: 'measure-1',
    patientId: PATIENT,
    date: '2025-02-01T09:00:00Z',
    reporterId: 'Organization/org-1',
    period: { start: '2025-01-01', end: '2025-01-31' },
    group: [
      {
        code: 'Adults 18-85',
        population: [
          { code: 'numerator', count: 1 },
          { code: 'denominator', count: 1 },
        ],
        measureScore: { value: 1 },
      },
    ],
  },
  'audit-events': {
    type: 'rest',
    subtype: ['read'],
    action: 'R',
    recorded: '2025-01-15T10:00:00Z',
    outcome: '0',
    outcomeDesc: 'Success',
    purposeOfEvent: ['Treatment'],
    agent: [
      { who: 'Practitioner/prac-1', name: 'Dr Ravi Shah', requestor: true, role: 'Physician', networkAddress: '10.0.0.12' },
      { who: 'reception-terminal-3', requestor: false },
    ],
    source: { observer: 'Device/ehr-server', site: 'Main building', type: '4' },
    entity: [{ what: `Patient/${PATIENT}`, type: '1', role: '1', name: 'Patient record', description: 'Chart opened' }],
  },
} satisfies Record<string, Record<string, unknown>>;
