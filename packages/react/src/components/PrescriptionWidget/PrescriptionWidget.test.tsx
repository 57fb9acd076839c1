import type { MedicationRequest } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { PrescriptionWidget } from './PrescriptionWidget.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Brooks');
  if (options.existing) {
    await createRecord(emulator, 'prescriptions', {
      patientId,
      prescriberId: 'prac-1',
      medication: 'Salbutamol inhaler',
      status: 'cancelled',
      authoredOn: '2024-05-01T09:00:00Z',
    });
    await createRecord(emulator, 'prescriptions', {
      patientId,
      prescriberId: 'prac-1',
      medication: 'Cetirizine 10mg',
      status: 'active',
      authoredOn: '2025-04-01T09:00:00Z',
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Quick prescription' });
const recordList = () => screen.getByRole('region', { name: 'Current prescriptions' });
const medication = () => within(form()).getByRole('combobox', { name: /Medication/ });

describe('PrescriptionWidget', () => {
  it('shows current prescriptions first', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<PrescriptionWidget patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const items = await within(recordList()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Cetirizine 10mgActive · /),
      expect.stringMatching(/^Salbutamol inhalerCancelled · /),
    ]);
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<PrescriptionWidget patientId={patientId} />);
    expect(await within(recordList()).findByText('No prescriptions on record.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('prescribes by name with the documented body, lists it and reports it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<PrescriptionWidget patientId={patientId} prescriberId="prac-2" onSuccess={onSuccess} />);
    await within(recordList()).findByText('No prescriptions on record.');

    await user.type(medication(), 'Amoxicillin 500mg');
    await user.click(within(form()).getByRole('button', { name: 'Add' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Prescribed Amoxicillin 500mg.');
    expect(await within(recordList()).findByText('Amoxicillin 500mg')).toBeVisible();
    expect(medication()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'MedicationRequest' }));
    const [stored] = await recordsOf<MedicationRequest>(emulator, 'prescriptions', patientId);
    expect(stored).toMatchObject({
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: { text: 'Amoxicillin 500mg' },
      requester: { reference: 'Practitioner/prac-2' },
    });
    await expectNoAxeViolations(container);
  });

  it('asks for the medication before sending', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<PrescriptionWidget patientId={patientId} />);
    await user.click(within(form()).getByRole('button', { name: 'Add' }));

    await waitFor(() => expect(medication()).toHaveFocus());
    expect(medication()).toBeInvalid();
    expect(medication()).toHaveAccessibleDescription(expect.stringContaining('Enter the medication'));
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone, and sends "unknown" without a prescriber', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<PrescriptionWidget patientId={patientId} />);
    await within(recordList()).findByText('No prescriptions on record.');

    await user.tab();
    expect(medication()).toHaveFocus();
    await user.keyboard('Aspirin 81 MG Oral Tablet (243670){Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Prescribed Aspirin 81 MG Oral Tablet.');
    const [stored] = await recordsOf<MedicationRequest>(emulator, 'prescriptions', patientId);
    expect(stored?.requester).toEqual({ reference: 'Practitioner/unknown' });
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<PrescriptionWidget proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Cetirizine 10mg')).toBeVisible();
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    renderWithClient(<PrescriptionWidget patientId={patientId} theme="dark" unstyled className="mine" classNames={{ form: 'my-form' }} />, {
      provider: { messages: { prescriptionWidget: { title: 'Meds', save: 'Prescribe now' } } } as never,
    });
    const root = screen.getByRole('region', { name: 'Meds' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-status', 'idle');
    expect(screen.getByRole('form', { name: 'Quick prescription' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Prescribe now' })).toBeVisible();
  });
});
