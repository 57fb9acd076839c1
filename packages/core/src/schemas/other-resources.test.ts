/** The simplified schemas of the 43 other paths: the contract's bodies pass; missing and bad fields fail clearly. */
import { describe, expect, it } from 'vitest';
import { OTHER_FULL_EXAMPLES, OTHER_MINIMAL_EXAMPLES } from '../../test/other-examples.ts';
import { RESOURCE_CATALOGUE } from '../catalogue.ts';
import { OTHER_RESOURCE_SCHEMAS, RESOURCE_SCHEMAS, schemasOf, type OtherResourcePath } from './registry.ts';

type Result = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
const failures = (result: Result) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

const create = (path: OtherResourcePath, body: unknown) => OTHER_RESOURCE_SCHEMAS[path].create.safeParse(body, { reportInput: false });
const withChanges = (path: OtherResourcePath, changes: Record<string, unknown>) =>
  create(path, { ...OTHER_FULL_EXAMPLES[path], ...changes });

const PATHS = Object.keys(OTHER_RESOURCE_SCHEMAS) as OtherResourcePath[];
/** Paths whose every field is optional. */
const NOTHING_REQUIRED = ['medication-knowledge', 'enrollment-responses'];

describe('simplified schemas of the other paths', () => {
  it('give every catalogue path simplified schemas, together with the 19 the widgets use', () => {
    expect(PATHS).toHaveLength(43);
    expect(RESOURCE_CATALOGUE.filter((entry) => !schemasOf(entry.path)).map((entry) => entry.path)).toEqual([]);
    expect(PATHS.filter((path) => Object.hasOwn(RESOURCE_SCHEMAS, path))).toEqual([]);
  });

  it.each(PATHS)('%s accepts a body with every field, and one with only the required fields', (path) => {
    expect(failures(create(path, OTHER_FULL_EXAMPLES[path]))).toEqual({});
    expect(failures(create(path, OTHER_MINIMAL_EXAMPLES[path]))).toEqual({});
  });

  it.each(PATHS.filter((path) => !NOTHING_REQUIRED.includes(path)))('%s names each required field of an empty body "Required"', (path) => {
    const issues = failures(create(path, {}));
    expect(Object.keys(issues).sort()).toEqual(Object.keys(OTHER_MINIMAL_EXAMPLES[path]).sort());
    for (const message of Object.values(issues)) expect(message).toBe('Required');
  });

  it.each(PATHS)('%s refuses unknown fields', (path) => {
    expect(Object.keys(failures(withChanges(path, { favouriteColour: 'teal' })))).toEqual(['']);
  });

  it.each(PATHS.filter((path) => 'update' in OTHER_RESOURCE_SCHEMAS[path]))(
    '%s update takes one field and refuses none or unknown ones',
    (path) => {
      const update = (OTHER_RESOURCE_SCHEMAS[path] as { update: typeof OTHER_RESOURCE_SCHEMAS.tasks.update }).update;
      expect(update.safeParse({}).success).toBe(false);
      const [field, value] = Object.entries(OTHER_FULL_EXAMPLES[path])[0] as [string, unknown];
      expect(update.safeParse({ [field]: value }).success).toBe(true);
      expect(update.safeParse({ nope: 1 }).success).toBe(false);
    },
  );

  it('never repeats a submitted value in a message', () => {
    const secret = 'Zebulon-Quatermass-1942';
    for (const path of PATHS) {
      const body = Object.fromEntries(Object.keys(OTHER_FULL_EXAMPLES[path]).map((key) => [key, { secret }]));
      expect(JSON.stringify(create(path, body).error?.issues)).not.toContain(secret);
    }
  });
});

describe('rules of the other paths', () => {
  it.each([
    [
      'device-use-statements',
      { status: 'not-done' },
      'status',
      'FHIR R4 has no not-done for device use; use stopped, or entered-in-error for a record made by mistake',
    ],
    [
      'device-use-statements',
      { status: 'paused' },
      'status',
      'Must be one of active, completed, entered-in-error, intended, stopped, on-hold',
    ],
    ['device-use-statements', { timingDateTime: '2025-01-20' }, 'timingPeriod', 'Give timingDateTime or timingPeriod, not both'],
    ['family-history', { bornDate: '1950-01-01' }, 'ageString', 'Give bornDate or ageString, not both'],
    ['family-history', { ageString: undefined }, 'estimatedAge', 'Only with ageString'],
    ['family-history', { deceasedDate: '2020-01-01' }, 'deceasedDate', 'Give deceasedBoolean or deceasedDate, not both'],
    [
      'service-requests',
      { occurrencePeriod: { start: '2025-01-20' } },
      'occurrencePeriod',
      'Give occurrenceDateTime or occurrencePeriod, not both',
    ],
    [
      'tasks',
      { input: [{ type: 'Phone', valueString: 'a', valueBoolean: true }] },
      'input.0',
      'Give exactly one value: valueString, valueBoolean, valueInteger, valueDate, valueDateTime, valueReference',
    ],
    ['tasks', { basedOn: ['sr_1'] }, 'basedOn.0', 'Must be an id, or Type/id such as ServiceRequest/123'],
    ['immunization-evaluations', { doseNumber: 3 }, 'doseNumber', 'Must not be more than seriesDoses'],
    [
      'immunization-recommendations',
      { recommendation: [{ forecastStatus: 'due' }] },
      'recommendation.0.targetDisease',
      'Give vaccineCode or targetDisease (or both)',
    ],
    ['measure-reports', { period: { start: '2025-02-01', end: '2025-01-01' } }, 'period.end', 'Must not be before start'],
    ['slots', { end: '2025-02-03T08:00:00Z' }, 'end', 'Must be after start'],
    ['invoices', { status: 'issued', cancelledReason: 'Duplicate' }, 'cancelledReason', 'Only for cancelled invoices'],
    [
      'invoices',
      { lineItem: [{ chargeItemCode: 'Visit', priceComponent: [{ type: 'fee' }] }] },
      'lineItem.0.priceComponent.0.type',
      'Must be one of base, surcharge, deduction, discount, tax, informational',
    ],
    ['locations', { position: { latitude: 30 } }, 'position.longitude', 'Required'],
    ['schedules', { actorIds: [] }, 'actorIds', 'Add at least one'],
    [
      'schedules',
      { actorIds: ['Observation/obs-1'] },
      'actorIds.0',
      'Must be an id, or Type/id where Type is Practitioner, Patient, PractitionerRole, RelatedPerson, Device, HealthcareService, Location',
    ],
    ['medication-knowledge', { ingredient: [{ isActive: true }] }, 'ingredient.0.item', 'Required'],
  ] as const)('%s: %j → %s: %s', (path, changes, field, message) => {
    expect(failures(withChanges(path, changes))).toEqual({ [field]: message });
  });

  it('takes the statuses the SDK offers where FHIR R4 has them', () => {
    expect(withChanges('device-use-statements', { status: 'entered-in-error' }).success).toBe(true);
    expect(withChanges('medication-statements', { status: 'not-taken' }).success).toBe(true);
  });
});
