import type { Observation } from '@clinikapi/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { VitalsWidget } from './VitalsWidget.tsx';

const LOINC = 'http://loinc.org';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Hartley');
  if (options.existing) {
    await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'vital-signs',
      code: { system: LOINC, code: '8867-4', display: 'Heart rate' },
      valueQuantity: { value: 72, unit: 'beats/min' },
      effectiveDateTime: '2025-01-10T09:00:00Z',
    });
    await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'vital-signs',
      code: { system: LOINC, code: '85353-1', display: 'Vital signs panel' },
      effectiveDateTime: '2025-03-02T09:30:00Z',
      component: [
        { code: { system: LOINC, code: '8867-4', display: 'Heart rate' }, valueQuantity: { value: 118, unit: 'beats/min' } },
        { code: { system: LOINC, code: '8480-6', display: 'Systolic' }, valueQuantity: { value: 150, unit: 'mmHg' } },
        { code: { system: LOINC, code: '8462-4', display: 'Diastolic' }, valueQuantity: { value: 95, unit: 'mmHg' } },
      ],
    });
    // Not a vital sign: not listed.
    await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'laboratory',
      code: { system: LOINC, code: '2345-7', display: 'Glucose' },
      valueQuantity: { value: 5.4, unit: 'mmol/L' },
      effectiveDateTime: '2025-04-01T09:00:00Z',
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Record vitals' });
const recordList = () => screen.getByRole('region', { name: 'Recent vitals' });
const box = (name: string | RegExp) => within(form()).getByRole('textbox', { name });

describe('VitalsWidget', () => {
  it('lists recent vitals newest first, blood pressure as one reading, out-of-range ones flagged', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<VitalsWidget patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const items = await within(recordList()).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/Heart rate\s*118 beats\/min High\s*Blood pressure\s*150\/95 mmHg High/);
    expect(items[1]).toHaveTextContent(/Heart rate\s*72 beats\/min$/);
    expect(recordList()).not.toHaveTextContent('Glucose');
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<VitalsWidget patientId={patientId} />);
    expect(await within(recordList()).findByText('No vitals recorded.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('records heart rate and blood pressure as one LOINC-coded panel, flagged high, and lists it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<VitalsWidget patientId={patientId} performerId="prac-1" onSuccess={onSuccess} />);
    await within(recordList()).findByText('No vitals recorded.');

    expect(box('Heart rate (beats/min)')).toHaveAccessibleDescription('Usual range 60–100');
    await user.type(box('Heart rate (beats/min)'), '128');
    expect(box('Heart rate (beats/min)')).toHaveAccessibleDescription('High: above the usual 60–100');
    await user.type(box('Systolic'), '118');
    await user.type(box('Diastolic'), '76');
    await user.type(box(/Temperature/), '36,8');
    await user.click(within(form()).getByRole('button', { name: 'Record vitals' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Vitals recorded. Outside the usual range: Heart rate (High).');
    expect(await within(recordList()).findByText('128 beats/min')).toBeVisible();
    expect(box('Heart rate (beats/min)')).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'Observation' }));

    const stored = await recordsOf<Observation>(emulator, 'observations', patientId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code: '85353-1' }] },
      performer: [{ reference: 'Practitioner/prac-1' }],
      interpretation: [{ coding: [{ code: 'H' }] }],
      component: [
        {
          code: { coding: [{ code: '8867-4' }] },
          valueQuantity: { value: 128, unit: 'beats/min', system: 'http://unitsofmeasure.org', code: '/min' },
        },
        { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 118, unit: 'mmHg', code: 'mm[Hg]' } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 76, unit: 'mmHg' } },
        { code: { coding: [{ code: '8310-5' }] }, valueQuantity: { value: 36.8, unit: '°C', code: 'Cel' } },
      ],
    });
    expect(Date.parse(stored[0]?.effectiveDateTime ?? '')).toBeGreaterThan(Date.now() - 60_000);
    await expectNoAxeViolations(container);
  });

  it('refuses implausible readings, half a blood pressure and a future time before sending', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<VitalsWidget patientId={patientId} />);

    await user.click(within(form()).getByRole('button', { name: 'Record vitals' }));
    await waitFor(() =>
      expect(box('Heart rate (beats/min)')).toHaveAccessibleDescription(expect.stringContaining('Enter at least one reading')),
    );

    await user.type(box('Heart rate (beats/min)'), '720');
    await user.type(box('Systolic'), '-5');
    await user.type(box(/Oxygen saturation/), 'ninety');
    await user.type(box(/Temperature/), '36.85');
    fireEvent.change(screen.getByLabelText('Measured at'), { target: { value: `${new Date().getFullYear() + 1}-01-01T10:00` } });
    await user.click(within(form()).getByRole('button', { name: 'Record vitals' }));

    const heartRate = box('Heart rate (beats/min)');
    await waitFor(() => expect(heartRate).toHaveFocus());
    expect(heartRate).toBeInvalid();
    // Each rule its own sentence: out of range (with the range and unit), not a number, too precise, missing half.
    expect(heartRate).toHaveAccessibleDescription(expect.stringContaining('Must be between 20 and 250 beats/min'));
    expect(box('Systolic')).toHaveAccessibleDescription(expect.stringContaining('Must be between 50 and 300 mmHg'));
    expect(box('Diastolic')).toHaveAccessibleDescription('Usual range 60–80 Enter the diastolic pressure as well');
    expect(box(/Oxygen saturation/)).toHaveAccessibleDescription(expect.stringContaining('Must be a number'));
    expect(box(/Temperature/)).toHaveAccessibleDescription(expect.stringContaining('Too many decimals: at most 1'));
    expect(screen.getByLabelText('Measured at')).toHaveAccessibleDescription(expect.stringContaining('Must not be in the future'));
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('puts a server issue about one component on that reading’s field', async () => {
    const { patientId } = await setUp();
    mswServer.use(
      failing('POST', 'observations', {
        code: 'VALIDATION_ERROR',
        requestId: 'req_422',
        issues: [{ severity: 'error', code: 'invalid', diagnostics: 'Device reading rejected', path: 'component.2.valueQuantity.value' }],
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithClient(<VitalsWidget patientId={patientId} />);
    await user.type(box('Heart rate (beats/min)'), '70');
    await user.type(box('Systolic'), '120');
    await user.type(box('Diastolic'), '80');
    await user.click(within(form()).getByRole('button', { name: 'Record vitals' }));

    await waitFor(() => expect(box('Diastolic')).toHaveAccessibleDescription(expect.stringContaining('Device reading rejected')));
    expect(box('Diastolic')).toHaveFocus();
    expect(box('Systolic')).toHaveValue('120');
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<VitalsWidget patientId={patientId} readings={['heartRate', 'bloodPressure']} />);
    await within(recordList()).findByText('No vitals recorded.');

    await user.tab();
    expect(box('Heart rate (beats/min)')).toHaveFocus();
    await user.keyboard('66');
    await user.tab();
    expect(box('Systolic')).toHaveFocus();
    await user.keyboard('112');
    await user.tab();
    await user.keyboard('74{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Vitals recorded.');
    const [stored] = await recordsOf<Observation>(emulator, 'observations', patientId);
    expect(stored?.component?.map((component) => component.valueQuantity?.value)).toEqual([66, 112, 74]);
    expect(stored?.interpretation?.[0]?.coding?.[0]?.code).toBe('N');
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<VitalsWidget proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('118 beats/min')).toBeVisible();
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    renderWithClient(
      <VitalsWidget
        patientId={patientId}
        theme="glassmorphism"
        unstyled
        className="mine"
        classNames={{ form: 'my-form', pressure: 'my-bp' }}
      />,
      { provider: { messages: { vitalsWidget: { title: 'Observations', save: 'Save vitals' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Observations' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'glassmorphism');
    expect(root).toHaveAttribute('data-status', 'idle');
    expect(screen.getByRole('form', { name: 'Record vitals' })).toHaveClass('my-form');
    expect(screen.getByRole('group', { name: 'Blood pressure (mmHg)' })).toHaveAttribute('class', 'my-bp');
    expect(screen.getByRole('button', { name: 'Save vitals' })).toBeVisible();
  });
});
