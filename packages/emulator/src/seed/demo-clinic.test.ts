import {
  DEMO_PATIENTS,
  DEMO_PRACTITIONER,
  type ApiResponse,
  type Paginated,
  type PatientSummary,
  type Practitioner,
} from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { createBrowserEmulator } from '../browser-emulator.ts';

const get = async <T>(emulator: Awaited<ReturnType<typeof createBrowserEmulator>>, path: string): Promise<Paginated<T>> => {
  const response = await emulator.handleProxyRequest(new Request(`http://app.local/api${path}`), '/api');
  expect(response.status).toBe(200);
  return ((await response.json()) as ApiResponse<Paginated<T>>).data;
};

describe('the demo clinic', () => {
  it('is @clinikapi/core’s cast: every patient and the practitioner, as React’s demo mode serves them', async () => {
    const emulator = await createBrowserEmulator({ clinical: true });
    const patients = await get<PatientSummary>(emulator, '/patients?count=100');
    const names = (people: readonly { firstName: string; lastName: string }[]) =>
      people.map((person) => `${person.firstName} ${person.lastName}`).sort();
    expect(names(patients.data)).toEqual(names(DEMO_PATIENTS));
    expect(patients.data.map((patient) => patient.birthDate).sort()).toEqual(DEMO_PATIENTS.map((patient) => patient.birthDate).sort());
    const practitioners = await get<Practitioner>(emulator, '/practitioners');
    expect(practitioners.data.map((practitioner) => practitioner.name?.[0]?.family)).toEqual([DEMO_PRACTITIONER.lastName]);
  });
});
