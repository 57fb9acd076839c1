import { observationCreateSchema } from '@clinikapi/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useCreateResource } from '../../hooks/useCreateResource.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startTestEmulator } from '../../test/emulator.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { useClinicalForm } from './useClinicalForm.ts';

interface PulseValues {
  pulse: string;
}

/** A form whose field is not an input field of the API: the typed text becomes `component[0]`. */
function PulseForm() {
  const create = useCreateResource('observations');
  const { form, onSubmit, errorOf } = useClinicalForm({
    schema: observationCreateSchema,
    defaultValues: { pulse: '' } as PulseValues,
    validate: (values: PulseValues) => (/^\d+$/.test(values.pulse) ? [] : [{ field: 'pulse', message: 'Enter a whole number' }]),
    toInput: (values: PulseValues) => ({
      patientId: 'patient-1',
      status: 'final',
      code: 'Pulse panel',
      component: [{ code: 'Pulse', valueQuantity: { value: Number(values.pulse) } }],
    }),
    submit: create.mutateAsync,
    // The path names the component by position; the input says which reading that position holds.
    fieldOf: (path, input) =>
      path.startsWith('component.0') && (input as { component: { code: string }[] }).component[0]?.code === 'Pulse' ? 'pulse' : undefined,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Pulse">
      <Field label="Pulse" error={errorOf('pulse')}>
        {(control) => <input {...control} {...form.register('pulse')} />}
      </Field>
      <Button type="submit">Save</Button>
    </form>
  );
}

describe('useClinicalForm: widget rules and issue placement by input', () => {
  it('checks the widget’s own rules on the typed values, on their field, before sending', async () => {
    await startTestEmulator({ seed: false });
    let requests = 0;
    onRequest(() => (requests += 1));
    const user = userEvent.setup();
    const { container } = renderWithClient(<PulseForm />);

    await user.type(screen.getByRole('textbox', { name: 'Pulse' }), 'fast');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const pulse = screen.getByRole('textbox', { name: 'Pulse' });
    await waitFor(() => expect(pulse).toHaveAccessibleDescription('Enter a whole number'));
    expect(pulse).toHaveFocus();
    expect(requests).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('places a server issue on a component path by what the sent input holds there', async () => {
    await startTestEmulator({ seed: false });
    mswServer.use(
      failing('POST', 'observations', {
        code: 'VALIDATION_ERROR',
        requestId: 'req_422',
        issues: [{ severity: 'error', code: 'invalid', diagnostics: 'Too fast to be true', path: 'component.0.valueQuantity.value' }],
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithClient(<PulseForm />);
    await user.type(screen.getByRole('textbox', { name: 'Pulse' }), '72');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const pulse = screen.getByRole('textbox', { name: 'Pulse' });
    await waitFor(() => expect(pulse).toHaveAccessibleDescription('Too fast to be true'));
    expect(pulse).toHaveValue('72');
    await expectNoAxeViolations(container);
  });
});
