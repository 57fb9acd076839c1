import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { CodeField } from './CodeField.tsx';
import { codedValueOf, type CodedValue, type CodeOption } from '../../headless/coded-value.ts';

const VACCINES: readonly CodeOption[] = [
  { system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal, injectable' },
  { system: 'http://hl7.org/fhir/sid/cvx', code: '213', display: 'SARS-COV-2 (COVID-19) vaccine' },
];

function Harness({ onValue }: { onValue: (value: CodedValue | undefined) => void }) {
  const [value, setValue] = useState<CodedValue | undefined>(undefined);
  return (
    <CodeField
      label="Vaccine"
      help="CVX code or free text"
      options={VACCINES}
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('CodeField', () => {
  it('offers the codes and turns a chosen suggestion into a coding', async () => {
    const values: (CodedValue | undefined)[] = [];
    const { container } = render(<Harness onValue={(value) => values.push(value)} />);
    const input = screen.getByRole('combobox', { name: 'Vaccine' });
    expect(container.querySelectorAll('datalist option')).toHaveLength(2);
    await userEvent.type(input, 'Influenza, seasonal, injectable (140)');
    expect(values.at(-1)).toEqual({ system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal, injectable' });
    expect(input).toHaveValue('Influenza, seasonal, injectable (140)');
    await expectNoAxeViolations(container);
  });

  it('keeps free text that matches no code', async () => {
    const values: (CodedValue | undefined)[] = [];
    render(<Harness onValue={(value) => values.push(value)} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'Vaccine' }), 'Yellow fever');
    expect(values.at(-1)).toBe('Yellow fever');
  });

  it('matches a typed code on its own', () => {
    expect(codedValueOf('213', VACCINES)).toMatchObject({ code: '213' });
    expect(codedValueOf('  ', VACCINES)).toBe('');
  });
});
