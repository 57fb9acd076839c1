import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { Field } from './Field.tsx';

describe('Field', () => {
  it('wires label, help and error to the control', async () => {
    const { container } = render(
      <Field label="Heart rate" help="Beats per minute, 20–250" error="At most 250" required>
        {(control) => <input type="number" {...control} />}
      </Field>,
    );
    const input = screen.getByRole('spinbutton', { name: 'Heart rate' });
    expect(input).toBeInvalid();
    expect(input).toBeRequired();
    expect(input).toHaveAccessibleDescription('Beats per minute, 20–250 At most 250');
    expect(screen.getByText('At most 250').closest('.ck-Field')).toHaveAttribute('data-invalid');
    await expectNoAxeViolations(container);
  });

  it('describes a valid control only with its help', () => {
    render(
      <Field label="Notes" help="Optional">
        {(control) => <textarea {...control} />}
      </Field>,
    );
    const textarea = screen.getByRole('textbox', { name: 'Notes' });
    expect(textarea).not.toBeInvalid();
    expect(textarea).toHaveAccessibleDescription('Optional');
  });
});
