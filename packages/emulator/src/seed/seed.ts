/** Loads the demo cast through the API itself, so seeded data is exactly what a client would have created. */
import { DEMO_PATIENTS, type ApiResponse, type PatientSummary } from '@clinikapi/core';

export interface SeedTarget {
  readonly fetch: (request: Request) => Promise<Response>;
  /** A key with write scope for the organisation to seed. */
  readonly key: string;
}

export async function seedDemoPatients(target: SeedTarget): Promise<PatientSummary[]> {
  const created: PatientSummary[] = [];
  for (const patient of DEMO_PATIENTS) {
    const response = await target.fetch(
      new Request('http://emulator.local/v1/patients', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': target.key },
        body: JSON.stringify(patient),
      }),
    );
    if (response.status !== 201) throw new Error(`Seeding a patient failed with HTTP ${response.status}`);
    created.push(((await response.json()) as ApiResponse<PatientSummary>).data);
  }
  return created;
}
