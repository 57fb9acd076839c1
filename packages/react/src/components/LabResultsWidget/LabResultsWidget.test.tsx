import type { DiagnosticReport } from '@clinikapi/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { LabResultsWidget } from './LabResultsWidget.tsx';

const LOINC = 'http://loinc.org';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Wei');
  if (options.existing) {
    const ldl = await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'laboratory',
      code: { system: LOINC, code: '13457-7', display: 'LDL cholesterol' },
      valueQuantity: { value: 4.9, unit: 'mmol/L' },
      interpretation: 'H',
      referenceRange: { low: { value: 0 }, high: { value: 3 } },
    });
    const hdl = await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'laboratory',
      code: { system: LOINC, code: '2085-9', display: 'HDL cholesterol' },
      valueQuantity: { value: 1.4, unit: 'mmol/L' },
    });
    await createRecord(emulator, 'labs', {
      patientId,
      status: 'final',
      category: 'RAD',
      code: { system: LOINC, code: '36643-5', display: 'XR Chest 2 views' },
      effectiveDateTime: '2024-11-02T08:00:00Z',
      conclusion: 'No acute findings',
    });
    await createRecord(emulator, 'labs', {
      patientId,
      status: 'final',
      category: 'LAB',
      code: { system: LOINC, code: '24331-1', display: 'Lipid panel' },
      effectiveDateTime: '2025-02-14T08:00:00Z',
      resultIds: [ldl.id, hdl.id],
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Order a lab report' });
const recordList = () => screen.getByRole('region', { name: 'Recent reports' });
const testBox = () => within(form()).getByRole('combobox', { name: /Test/ });

describe('LabResultsWidget', () => {
  it('lists recent reports newest first, and opens one to show its results', async () => {
    const { patientId } = await setUp({ existing: true });
    const user = userEvent.setup();
    const { container } = renderWithClient(<LabResultsWidget patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const items = await within(recordList()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Lipid panel.*Laboratory · Final/),
      expect.stringMatching(/^XR Chest 2 views — No acute findings.*Radiology · Final/),
    ]);

    await user.click(within(recordList()).getByText('2 results'));
    // Each result loads on its own once the report is open.
    await waitFor(() => expect(within(recordList()).getAllByText(/cholesterol/)).toHaveLength(2));
    expect(within(recordList()).getByText('4.9 mmol/L')).toBeVisible();
    expect(within(recordList()).getByText('LDL cholesterol').closest('li')).toHaveTextContent(
      'LDL cholesterol 4.9 mmol/L High (reference 0–3)',
    );
    expect(within(recordList()).getByText('HDL cholesterol').closest('li')).toHaveTextContent('HDL cholesterol 1.4 mmol/L');
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<LabResultsWidget patientId={patientId} />);
    expect(await within(recordList()).findByText('No lab reports yet.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('orders a LOINC-coded report as documented, lists it and reports it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<LabResultsWidget patientId={patientId} onSuccess={onSuccess} />);
    await within(recordList()).findByText('No lab reports yet.');

    await user.type(testBox(), 'Lipid panel (24331-1)');
    expect(within(form()).getByRole('combobox', { name: 'Category' })).toHaveValue('LAB');
    expect(within(form()).getByRole('combobox', { name: /Status/ })).toHaveValue('preliminary');
    await user.type(within(form()).getByRole('textbox', { name: 'Conclusion' }), 'Fasting sample');
    await user.click(within(form()).getByRole('button', { name: 'Order report' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Ordered Lipid panel.');
    expect(await within(recordList()).findByText('Lipid panel')).toBeVisible();
    expect(testBox()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'DiagnosticReport' }));

    const [stored] = await recordsOf<DiagnosticReport>(emulator, 'labs', patientId);
    expect(stored).toMatchObject({
      status: 'preliminary',
      code: { coding: [{ system: LOINC, code: '24331-1', display: 'Lipid panel' }] },
      category: [{ coding: [{ code: 'LAB' }] }],
      conclusion: 'Fasting sample',
    });
    expect(Date.parse(stored?.effectiveDateTime ?? '')).toBeGreaterThan(Date.now() - 60_000);
    await expectNoAxeViolations(container);
  });

  it('sends a collection over a period as effectivePeriod', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<LabResultsWidget patientId={patientId} />);
    await user.type(testBox(), '24-hour urine protein');
    fireEvent.change(screen.getByLabelText('Collected or performed at'), { target: { value: '2025-03-01T08:00' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2025-03-02T08:00' } });
    await user.click(within(form()).getByRole('button', { name: 'Order report' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Ordered 24-hour urine protein.');
    const [stored] = await recordsOf<DiagnosticReport>(emulator, 'labs', patientId);
    expect(stored?.code).toEqual({ text: '24-hour urine protein' });
    expect(stored?.effectiveDateTime).toBeUndefined();
    expect(Date.parse(stored?.effectivePeriod?.end ?? '') - Date.parse(stored?.effectivePeriod?.start ?? '')).toBe(86_400_000);
  });

  it('validates before sending: the test, and a period that ends before it starts', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<LabResultsWidget patientId={patientId} />);
    fireEvent.change(screen.getByLabelText('Collected or performed at'), { target: { value: '2025-03-02T08:00' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2025-03-01T08:00' } });
    await user.click(within(form()).getByRole('button', { name: 'Order report' }));

    await waitFor(() => expect(testBox()).toHaveFocus());
    expect(testBox()).toHaveAccessibleDescription(expect.stringContaining('Enter the test'));
    expect(screen.getByLabelText('Until')).toHaveAccessibleDescription(expect.stringContaining('Must not be before start'));
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<LabResultsWidget patientId={patientId} />);
    await within(recordList()).findByText('No lab reports yet.');

    await user.tab();
    expect(testBox()).toHaveFocus();
    await user.keyboard('XR Chest 2 views (36643-5)');
    await user.tab(); // category: Laboratory
    await user.tab(); // status: Preliminary
    await user.tab(); // collected at
    await user.tab(); // until
    await user.tab(); // conclusion
    expect(within(form()).getByRole('textbox', { name: 'Conclusion' })).toHaveFocus();
    await user.keyboard('Clear lungs');
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Order report' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Ordered XR Chest 2 views.');
    const [stored] = await recordsOf<DiagnosticReport>(emulator, 'labs', patientId);
    expect(stored).toMatchObject({ category: [{ coding: [{ code: 'LAB' }] }], status: 'preliminary', conclusion: 'Clear lungs' });
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<LabResultsWidget proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Lipid panel')).toBeVisible();
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    renderWithClient(<LabResultsWidget patientId={patientId} theme="dark" unstyled className="mine" classNames={{ form: 'my-form' }} />, {
      provider: { messages: { labResultsWidget: { title: 'Diagnostics', save: 'Request report' } } } as never,
    });
    const root = screen.getByRole('region', { name: 'Diagnostics' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-status', 'idle');
    expect(screen.getByRole('form', { name: 'Order a lab report' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Request report' })).toBeVisible();
  });
});
