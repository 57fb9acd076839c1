/** Driving a widget's headless hook the way its skin does — set fields, submit — without rendering the skin. */
import { act } from '@testing-library/react';
import type { FieldValues, Path, PathValue } from 'react-hook-form';
import type { ClinicalForm } from '../headless/form/useClinicalForm.ts';
import { startTestEmulator } from './emulator.ts';
import { patientIdOf } from './emulator-records.ts';

/** What `renderHook` gives back for a form hook. */
interface HookOf<V extends FieldValues> {
  readonly result: { readonly current: ClinicalForm<V, unknown> };
}

/** A fresh seeded emulator behind MSW, and the id of its patient Hartley. */
export async function startWithPatient() {
  const emulator = await startTestEmulator();
  return { emulator, patientId: await patientIdOf(emulator, 'Hartley') };
}

/** Sets fields of the hook's form, as typing into the skin's inputs would. */
export function fill<V extends FieldValues>(hook: HookOf<V>, values: { [K in Path<V>]?: PathValue<V, K> }): void {
  act(() => {
    for (const [name, value] of Object.entries(values))
      hook.result.current.form.setValue(name as Path<V>, value as PathValue<V, Path<V>>, { shouldDirty: true });
  });
}

/** Submits the hook's form and waits for it to settle. */
export async function submit<V extends FieldValues>(hook: HookOf<V>): Promise<void> {
  await act(() => hook.result.current.onSubmit());
}
