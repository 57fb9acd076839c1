import { allergyCreateSchema } from '@clinikapi/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { useCreateResource } from '../../hooks/useCreateResource.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import type { BrowserEmulator } from '@clinikapi/emulator/browser';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { errorAnswer, failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import { useClinicalForm } from './useClinicalForm.ts';

interface AllergyValues {
  code: string;
  clinicalStatus: 'active' | 'resolved';
}

function AllergyForm({ onSuccess, patientId = 'patient-1' }: { onSuccess?: (id: string) => void; patientId?: string }) {
  const create = useCreateResource('allergies');
  const { form, onSubmit, status, error, formErrors, retry, errorOf } = useClinicalForm({
    // The core create schema — the API's own rules — checks exactly the body that will be sent.
    schema: allergyCreateSchema,
    defaultValues: { code: '', clinicalStatus: 'active' } satisfies AllergyValues as AllergyValues,
    toInput: (values: AllergyValues) => ({ ...values, patientId }),
    submit: create.mutateAsync,
    onSuccess: (saved) => onSuccess?.(saved.id as string),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Allergy">
      <Field label="Allergen" required error={errorOf('code')}>
        {(control) => <input {...control} {...form.register('code')} />}
      </Field>
      <Field label="Clinical status" error={errorOf('clinicalStatus')}>
        {(control) => (
          <select {...control} {...form.register('clinicalStatus')}>
            <option value="active">Active</option>
            <option value="resolved">Resolved</option>
          </select>
        )}
      </Field>
      {formErrors.length > 0 && <p role="alert">{formErrors.join(' ')}</p>}
      {error && <ErrorState title="The allergy was not saved." error={error} onRetry={() => void retry()} />}
      <Button type="submit" pending={status === 'submitting'} pendingLabel="Saving…">
        Save
      </Button>
      {status === 'success' && <p role="status">Saved.</p>}
    </form>
  );
}

async function firstPatientId(emulator: BrowserEmulator): Promise<string> {
  const response = await emulator.handleProxyRequest(new Request(`http://localhost${TEST_PROXY_URL}/patients?count=1`), TEST_PROXY_URL);
  return ((await response.json()) as { data: { data: { id: string }[] } }).data.data[0]?.id as string;
}

describe('useClinicalForm', () => {
  it('validates with the core schema before sending, focusing the first bad field', async () => {
    await startTestEmulator({ seed: false });
    let requests = 0;
    onRequest(() => (requests += 1));
    const user = userEvent.setup();
    const { container } = renderWithClient(<AllergyForm />);

    await user.click(screen.getByRole('button', { name: 'Save' }));

    const allergen = screen.getByRole('textbox', { name: 'Allergen' });
    await waitFor(() => expect(allergen).toHaveAccessibleDescription('Required'));
    expect(allergen).toHaveFocus();
    expect(allergen).toBeInvalid();
    expect(requests).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('saves through the API, resets, and reports the saved record', async () => {
    const emulator = await startTestEmulator();
    const patientId = await firstPatientId(emulator);
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<AllergyForm onSuccess={onSuccess} patientId={patientId} />);

    await user.type(screen.getByRole('textbox', { name: 'Allergen' }), 'Penicillin');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(screen.getByRole('textbox', { name: 'Allergen' })).toHaveValue('');
    const id = onSuccess.mock.calls[0]?.[0] as string;
    const stored = await emulator.handleProxyRequest(new Request(`http://localhost${TEST_PROXY_URL}/allergies/${id}`), TEST_PROXY_URL);
    expect(((await stored.json()) as { data: { code: { text: string } } }).data.code.text).toBe('Penicillin');
  });

  it('puts server field errors (422) on their fields and keeps what was typed', async () => {
    await startTestEmulator({ seed: false });
    mswServer.use(
      failing('POST', 'allergies', {
        code: 'VALIDATION_ERROR',
        requestId: 'req_422',
        issues: [{ severity: 'error', code: 'invalid', diagnostics: 'code: Not a known allergen', path: 'code' }],
      }),
    );
    const user = userEvent.setup();
    renderWithClient(<AllergyForm />);
    await user.type(screen.getByRole('textbox', { name: 'Allergen' }), 'Moonbeam');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const allergen = screen.getByRole('textbox', { name: 'Allergen' });
    await waitFor(() => expect(allergen).toHaveAccessibleDescription('Not a known allergen'));
    expect(allergen).toHaveValue('Moonbeam');
    expect(allergen).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a server error about a field the form does not display, instead of dropping it', async () => {
    await startTestEmulator({ seed: false });
    const user = userEvent.setup();
    renderWithClient(<AllergyForm patientId="no-such-patient" />);
    await user.type(screen.getByRole('textbox', { name: 'Allergen' }), 'Penicillin');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('patientId: No patient with this id');
    expect(screen.getByRole('textbox', { name: 'Allergen' })).toHaveValue('Penicillin');
  });

  it('retries a failed create with the same Idempotency-Key, so it is saved once', async () => {
    const emulator = await startTestEmulator();
    const patientId = await firstPatientId(emulator);
    const keys: (string | null)[] = [];
    let failures = 1;
    mswServer.use(
      http.post(`${TEST_PROXY_URL}/allergies`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        if (failures-- > 0) return errorAnswer('INTERNAL_ERROR', { requestId: 'req_500' });
        return undefined;
      }),
    );
    const user = userEvent.setup();
    renderWithClient(<AllergyForm patientId={patientId} />);
    await user.type(screen.getByRole('textbox', { name: 'Allergen' }), 'Latex');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The allergy was not saved. Something went wrong on the server.');
    expect(screen.getByRole('textbox', { name: 'Allergen' })).toHaveValue('Latex');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/\S{16,}/);
    expect(keys[1]).toBe(keys[0]);
    const search = await emulator.handleProxyRequest(
      new Request(`http://localhost${TEST_PROXY_URL}/allergies?patientId=${patientId}`),
      TEST_PROXY_URL,
    );
    expect(((await search.json()) as { data: { total: number } }).data.total).toBe(1);
  });
});
