/** Component tests' patient with a full clinical record (see `clinical-fixtures.ts`), on a fresh test emulator. */
import type { BrowserEmulator } from '@clinikapi/emulator/browser';
import { seedClinicalRecord, type ClinicalRecordIds } from './clinical-fixtures.ts';
import { startTestEmulator } from './emulator.ts';
import { createRecord, patientIdOf } from './emulator-records.ts';

export interface ClinicalTestPatient {
  readonly emulator: BrowserEmulator;
  readonly patientId: string;
  readonly ids: ClinicalRecordIds | undefined;
}

/** Starts an emulator and gives the seeded patient `lastName` a clinical record, unless `empty`. */
export async function startWithClinicalRecord(options: { lastName?: string; empty?: boolean } = {}): Promise<ClinicalTestPatient> {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, options.lastName ?? 'Okafor');
  const ids = options.empty ? undefined : await seedClinicalRecord((path, body) => createRecord(emulator, path, body), patientId);
  return { emulator, patientId, ids };
}
