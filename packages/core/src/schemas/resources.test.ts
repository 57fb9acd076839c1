/** Every simplified schema: the widget pages' bodies pass; missing and bad fields fail with one human message each. */
import { describe, expect, it } from 'vitest';
import { PATIENT_ID, WIDGET_EXAMPLES } from '../../test/widget-examples.ts';
import { withRule } from './common.ts';
import { consentPolicyRule } from './consent.ts';
import { RESOURCE_SCHEMAS, type MappedResourcePath } from './registry.ts';

type Result = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
const failures = (result: Result) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

const create = (path: MappedResourcePath, body: unknown) => RESOURCE_SCHEMAS[path].create.safeParse(body, { reportInput: false });
const withChanges = (path: MappedResourcePath, changes: Record<string, unknown>) => create(path, { ...WIDGET_EXAMPLES[path], ...changes });

const PATHS = Object.keys(RESOURCE_SCHEMAS) as MappedResourcePath[];

describe('simplified resource schemas', () => {
  it('cover the 19 paths the widgets use', () => {
    expect(PATHS).toHaveLength(19);
  });

  it.each(PATHS)('%s accepts the documented body', (path) => {
    const result = create(path, WIDGET_EXAMPLES[path]);
    expect(failures(result)).toEqual({});
  });

  it.each(PATHS)('%s rejects an empty body with "Required" on each required field, and unknown fields', (path) => {
    const issues = failures(create(path, {}));
    expect(Object.keys(issues).length).toBeGreaterThan(0);
    for (const message of Object.values(issues)) expect(message).toBe('Required');
    expect(Object.keys(failures(withChanges(path, { favouriteColour: 'teal' })))).toEqual(['']);
  });

  it.each(PATHS)('%s update takes one field, refuses none, and removes optional fields with null', (path) => {
    const update = RESOURCE_SCHEMAS[path].update;
    expect(update.safeParse({}).success).toBe(false);
    const [field, value] = Object.entries(WIDGET_EXAMPLES[path])[0] as [string, unknown];
    expect(update.safeParse({ [field]: value }).success).toBe(true);
    expect(update.safeParse({ nope: 1 }).success).toBe(false);
  });

  it('never repeats a submitted value in a message', () => {
    const secret = 'Zebulon-Quatermass-1942';
    for (const path of PATHS) {
      const body = Object.fromEntries(Object.keys(WIDGET_EXAMPLES[path]).map((key) => [key, { secret }]));
      const result = create(path, body);
      expect(JSON.stringify(result.error?.issues)).not.toContain(secret);
    }
  });
});

describe('field rules', () => {
  it.each([
    ['observations', { status: 'done' }, 'status', 'Must be one of registered, preliminary, final, amended, corrected, cancelled'],
    ['observations', { code: '' }, 'code', 'Required'],
    ['observations', { code: 'x'.repeat(501) }, 'code', 'At most 500 characters'],
    ['observations', { code: 42 }, 'code', 'Must be text or a coding with system, code and display'],
    ['observations', { patientId: 'pt_abc123' }, 'patientId', 'Must be an id of letters, digits, "-" or "." (at most 64)'],
    [
      'observations',
      { effectiveDateTime: '2025-02-30T10:00:00Z' },
      'effectiveDateTime',
      'Must be a date and time such as 2025-01-15T10:30:00Z, or a date',
    ],
    ['observations', { effectiveDateTime: '2099-01-01' }, 'effectiveDateTime', 'Must not be in the future'],
    [
      'observations',
      { valueQuantity: { value: 1, unit: 'x' }, valueString: 'y' },
      'valueString',
      'Give one value: valueQuantity, valueString or valueCodeableConcept',
    ],
    ['observations', { referenceRange: { low: { value: 10 }, high: { value: 5 } } }, 'referenceRange.high', 'Must not be below low'],
    [
      'observations',
      { component: [{ code: 'HR', valueQuantity: { value: 'fast' } }] },
      'component.0.valueQuantity.value',
      'Must be a number',
    ],
    ['appointments', { end: '2025-02-01T13:00:00Z' }, 'end', 'Must be after start'],
    ['appointments', { start: '2025-02-01 14:00' }, 'start', 'Must be a date and time such as 2025-01-15T10:30:00Z'],
    ['appointments', { priority: 10 }, 'priority', 'Must be between 0 and 9'],
    ['appointments', { minutesDuration: 1.5 }, 'minutesDuration', 'Must be a whole number'],
    ['appointments', { cancelationReason: 'Sick' }, 'cancelationReason', 'Only for cancelled or no-show appointments'],
    ['consents', { scope: 'privacy' }, 'scope', 'Must be one of patient-privacy, research, treatment, adr'],
    ['prescriptions', { refills: -1 }, 'refills', 'Must be between 0 and 99'],
    ['prescriptions', { dosage: { periodUnit: 'y' } }, 'dosage.periodUnit', 'Must be one of h, d, wk, mo'],
    ['allergies', { category: ['food', 'food'] }, 'category', 'List each category once'],
    ['allergies', { reaction: [{ manifestation: [] }] }, 'reaction.0.manifestation', 'Add at least one'],
    ['conditions', { abatementString: 'gone' }, 'clinicalStatus', 'Must be inactive, remission or resolved when the condition has abated'],
    ['conditions', { verificationStatus: 'entered-in-error' }, 'clinicalStatus', 'Leave out for a record entered in error'],
    [
      'immunizations',
      { protocolApplied: [{ doseNumber: 3, seriesDoses: 2 }] },
      'protocolApplied.0.doseNumber',
      'Must not be more than seriesDoses',
    ],
    ['immunizations', { statusReason: 'Refused' }, 'statusReason', 'Only when the status is not-done'],
    ['goals', { target: [{ dueDate: '2024-12-01' }] }, 'target.0.dueDate', 'Must not be before the start date'],
    ['goals', { startDate: '15/01/2025' }, 'startDate', 'Must be a date in YYYY-MM-DD form'],
    ['encounters', { class: 'OUTPATIENT' }, 'class', 'Must be an encounter class such as AMB, IMP, EMER, HH or VR'],
    ['encounters', { period: { start: '2025-01-15T10:00:00Z', end: '2025-01-15T09:00:00Z' } }, 'period.end', 'Must not be before start'],
    ['encounters', { lengthMinutes: 20_000 }, 'lengthMinutes', 'Must be between 0 and 10,080'],
    ['practitioners', { npi: '12345' }, 'npi', 'Must be a 10-digit NPI'],
    ['practitioners', { languages: ['english language'] }, 'languages.0', 'Must be a language code such as en or pt-BR'],
    [
      'practitioner-roles',
      { availableTime: [{ availableStartTime: '17:00', availableEndTime: '09:00' }] },
      'availableTime.0.availableEndTime',
      'Must be after the start time',
    ],
    [
      'practitioner-roles',
      { availableTime: [{ daysOfWeek: ['monday'] }] },
      'availableTime.0.daysOfWeek.0',
      'Must be one of mon, tue, wed, thu, fri, sat, sun',
    ],
    ['labs', { category: 'BLOOD' }, 'category', 'Must be a diagnostic section code such as LAB, RAD or PAT'],
    ['labs', { effectivePeriod: { start: '2025-01-15' } }, 'effectivePeriod', 'Give effectiveDateTime or effectivePeriod, not both'],
    ['notes', { type: 'soap' }, 'type', expect.stringContaining('Must be one of progress-note')],
    ['notes', { contentType: 'application/pdf' }, 'contentType', 'Must be a text content type such as text/plain or text/markdown'],
    ['notes', { title: 'x'.repeat(501) }, 'title', 'At most 500 characters'],
    ['intakes', { items: [] }, 'items', 'Add at least one'],
    [
      'intakes',
      { items: [{ linkId: 'q', answer: [{ valueString: 'a', valueBoolean: true }] }] },
      'items.0.answer.0',
      'Give exactly one value',
    ],
    ['intakes', { items: [{ linkId: 'g', items: [{ linkId: '' }] }] }, 'items.0.items.0.linkId', 'Required'],
    ['documents', { sections: [] }, 'sections', 'Add at least one'],
    [
      'documents',
      { sections: [{ title: 'A', text: 'B', resourceIds: ['123'] }] },
      'sections.0.resourceIds.0',
      'Must be a reference such as Observation/123',
    ],
    [
      'care-plans',
      { activity: [{ description: 'Walk', status: 'doing' }] },
      'activity.0.status',
      expect.stringContaining('Must be one of not-started'),
    ],
    [
      'medications',
      { ingredient: [{ item: 'Amoxicillin', strength: { numerator: { value: -5 } } }] },
      'ingredient.0.strength.numerator.value',
      'Must be between 0 and 1,000,000,000',
    ],
    ['assessments', { findings: [{ basis: 'Labs' }] }, 'findings.0', 'Needs a code or a text'],
    ['patients', { birthDate: '1990-02-30' }, 'birthDate', 'Must be a date in YYYY-MM-DD form'],
  ] as const)('%s %o fails at %s', (path, changes, field, message) => {
    expect(failures(withChanges(path, changes))).toEqual({ [field]: message });
  });

  it('trims text, treats blank optional text as absent and adds missing seconds', () => {
    const parsed = RESOURCE_SCHEMAS.observations.create.parse({
      ...WIDGET_EXAMPLES.observations,
      note: '   ',
      bodySite: ' Left arm ',
      effectiveDateTime: '2025-01-15T10:30+02:00',
    }) as Record<string, unknown>;
    expect(parsed.note).toBeUndefined();
    expect(parsed.bodySite).toBe('Left arm');
    expect(parsed.effectiveDateTime).toBe('2025-01-15T10:30:00+02:00');
  });

  it('takes a concept as text or as a coding', () => {
    for (const code of ['Heart rate', { system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }, { display: 'Heart rate' }]) {
      expect(withChanges('observations', { code, component: undefined, valueQuantity: { value: 72, unit: 'beats/min' } }).success).toBe(
        true,
      );
    }
    expect(failures(withChanges('observations', { code: { system: 'http://loinc.org' } }))).toEqual({ code: 'Needs a code or a display' });
  });

  it('takes typed references as a bare id or Type/id of an allowed type', () => {
    expect(withChanges('goals', { expressedById: `Patient/${PATIENT_ID}` }).success).toBe(true);
    expect(failures(withChanges('goals', { expressedById: 'Device/abc' }))).toEqual({
      expressedById: 'Must be an id, or Type/id where Type is Practitioner, Patient, RelatedPerson, PractitionerRole',
    });
  });

  it('accepts every consent policy form FHIR ppc-1 allows, and a category list', () => {
    const base = { ...WIDGET_EXAMPLES.consents, policyRule: undefined };
    expect(create('consents', { ...base, policyUri: 'https://example.org/privacy' }).success).toBe(true);
    expect(create('consents', { ...base, policies: [{ uri: 'https://example.org/privacy' }] }).success).toBe(true);
    expect(create('consents', { ...base, policyRule: 'hipaa-auth', category: ['hipaa-notice', 'research'] }).success).toBe(true);
  });

  it('accepts every combination of start, end and minutesDuration the contract allows, whatever the status', () => {
    const times = { start: '2025-02-01T14:00:00Z', end: '2025-02-01T14:30:00Z', minutesDuration: 30 } as const;
    const subsets = [
      [],
      ['start'],
      ['end'],
      ['minutesDuration'],
      ['start', 'end'],
      ['start', 'minutesDuration'],
      ['end', 'minutesDuration'],
      ['start', 'end', 'minutesDuration'],
    ] as const;
    for (const status of ['booked', 'proposed', 'arrived'] as const) {
      for (const fields of subsets) {
        const given = Object.fromEntries(fields.map((name) => [name, times[name]]));
        const body = { status, patientId: PATIENT_ID, ...given };
        expect(create('appointments', body).error?.issues ?? [], `${status} with ${fields.join('+') || 'no times'}`).toEqual([]);
      }
    }
  });

  it('takes an encounter reason as text or a list of texts, as the official SDK sends it', () => {
    expect(withChanges('encounters', { reasonCode: ['Chest pain', 'Shortness of breath'] }).success).toBe(true);
    expect(failures(withChanges('encounters', { reasonCode: 42 }))).toEqual({
      reasonCode: 'Must be text of at most 500 characters, or a list of texts',
    });
  });

  it("accepts a consent without a policy and a goal target without a measure, as the contract does; FHIR's ppc-1 is there for forms", () => {
    const consent = { ...WIDGET_EXAMPLES.consents, policyRule: undefined };
    const goal = { ...WIDGET_EXAMPLES.goals, target: [{ detailString: 'below 7%' }] };
    expect(create('consents', consent).success).toBe(true);
    expect(create('goals', goal).success).toBe(true);
    expect(failures(withRule(RESOURCE_SCHEMAS.consents.create, consentPolicyRule).safeParse(consent))).toEqual({
      policyRule: 'A consent needs a policyRule or a policyUri',
    });
  });

  it('leaves the clinical status of allergies and problem-list conditions optional, as the contract does', () => {
    expect(withChanges('allergies', { clinicalStatus: undefined }).success).toBe(true);
    expect(withChanges('conditions', { clinicalStatus: undefined, category: ['problem-list-item'] }).success).toBe(true);
  });

  it('checks that start, end and minutesDuration agree', () => {
    expect(failures(withChanges('appointments', { end: '2025-02-01T13:00:00Z' }))).toEqual({ end: 'Must be after start' });
    expect(failures(withChanges('appointments', { minutesDuration: 45 }))).toEqual({
      minutesDuration: 'Longer than the time from start to end; change end, or leave it out to have it derived',
    });
  });

  it('accepts nested intake answers of every type', () => {
    const answers = [
      { valueBoolean: true },
      { valueDecimal: 1.5 },
      { valueDate: '2024-06-15' },
      { valueDateTime: '2025-01-15T10:00:00Z' },
      { valueTime: '14:30' },
      { valueCoding: { system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' } },
      { valueQuantity: { value: 165, unit: 'lbs' } },
      { valueUri: 'https://example.org/a' },
    ];
    const result = withChanges('intakes', { items: [{ linkId: 'group', items: [{ linkId: 'q', answer: answers }] }] });
    expect(failures(result)).toEqual({});
  });
});
