import type { MedicationRequest } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { PrescriptionForm } from './PrescriptionForm.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Ruiz');
  if (options.existing) {
    await createRecord(emulator, 'prescriptions', {
      patientId,
      prescriberId: 'prac-1',
      medication: 'Amoxicillin 500mg',
      status: 'completed',
      authoredOn: '2024-06-01T09:00:00Z',
    });
    await createRecord(emulator, 'prescriptions', {
      patientId,
      prescriberId: 'prac-1',
      medication: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '314076', display: 'Lisinopril 10 MG Oral Tablet' },
      status: 'active',
      dosageText: 'Take 1 tablet daily',
      quantity: { value: 30, unit: 'tablets' },
      refills: 2,
      authoredOn: '2025-02-01T09:00:00Z',
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'New prescription' });
const recordList = () => screen.getByRole('region', { name: 'Prescriptions on record' });
const medication = () => within(form()).getByRole('combobox', { name: /Medication/ });

describe('PrescriptionForm', () => {
  it('shows the prescriptions on record first, active ones first', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<PrescriptionForm patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const items = await within(recordList()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Lisinopril 10 MG Oral Tablet — Take 1 tablet daily30 tablets · 2 refills · Active · /),
      expect.stringMatching(/^Amoxicillin 500mgCompleted · /),
    ]);
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<PrescriptionForm patientId={patientId} />);
    expect(await within(recordList()).findByText('No prescriptions on record.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('prescribes with the documented fields, lists the prescription and reports it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<PrescriptionForm patientId={patientId} prescriberId="prac-7" onSuccess={onSuccess} />);
    await within(recordList()).findByText('No prescriptions on record.');

    await user.type(medication(), 'Amoxicillin 500 MG Oral Capsule (308191)');
    await user.type(within(form()).getByRole('textbox', { name: /Dosage instructions/ }), 'Take 1 capsule three times daily');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Frequency' }), 'Three times daily');
    await user.type(within(form()).getByRole('spinbutton', { name: 'Duration (days)' }), '7');
    expect(within(form()).getByRole('spinbutton', { name: 'Quantity to dispense' })).toHaveAccessibleDescription(
      '3 a day for 7 days is 21.',
    );
    await user.type(within(form()).getByRole('spinbutton', { name: 'Quantity to dispense' }), '21');
    await user.clear(within(form()).getByRole('textbox', { name: 'Unit' }));
    await user.type(within(form()).getByRole('textbox', { name: 'Unit' }), 'capsules');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Course of therapy' }), 'Acute');
    await user.type(within(form()).getByRole('textbox', { name: 'Notes for the pharmacist' }), 'Check penicillin allergy');
    await user.click(within(form()).getByRole('button', { name: 'Prescribe' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Prescribed Amoxicillin 500 MG Oral Capsule.');
    expect(await within(recordList()).findByText('Amoxicillin 500 MG Oral Capsule')).toBeVisible();
    expect(medication()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'MedicationRequest' }));

    const [stored] = await recordsOf<MedicationRequest>(emulator, 'prescriptions', patientId);
    expect(stored).toMatchObject({
      status: 'active',
      intent: 'order',
      priority: 'routine',
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '308191' }] },
      requester: { reference: 'Practitioner/prac-7' },
      category: [{ coding: [{ code: 'outpatient' }] }],
      courseOfTherapyType: { coding: [{ code: 'acute' }] },
      dosageInstruction: [{ text: 'Take 1 capsule three times daily', timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } } }],
      dispenseRequest: { numberOfRepeatsAllowed: 0, quantity: { value: 21, unit: 'capsules' }, expectedSupplyDuration: { value: 7 } },
      substitution: { allowedBoolean: true },
      note: [{ text: 'Check penicillin allergy' }],
    });
    await expectNoAxeViolations(container);
  });

  it('validates before sending: the medication, refills 0–12 and whole days', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<PrescriptionForm patientId={patientId} />);
    const refills = within(form()).getByRole('spinbutton', { name: 'Refills' });
    await user.clear(refills);
    await user.type(refills, '13');
    await user.type(within(form()).getByRole('spinbutton', { name: 'Duration (days)' }), '2.5');
    await user.click(within(form()).getByRole('button', { name: 'Prescribe' }));

    await waitFor(() => expect(medication()).toHaveFocus());
    expect(medication()).toHaveAccessibleDescription(expect.stringContaining('Enter the medication'));
    expect(refills).toBeInvalid();
    expect(refills).toHaveAccessibleDescription('From 0 to 12 Must be between 0 and 12');
    expect(within(form()).getByRole('spinbutton', { name: 'Duration (days)' })).toHaveAccessibleDescription('Must be a whole number');
    // A negative duration is a number out of range, not "not a whole number"; a quantity of 0 says it must be above 0.
    await user.clear(within(form()).getByRole('spinbutton', { name: 'Duration (days)' }));
    await user.type(within(form()).getByRole('spinbutton', { name: 'Duration (days)' }), '-3');
    await user.type(within(form()).getByRole('spinbutton', { name: 'Quantity to dispense' }), '0');
    await user.click(within(form()).getByRole('button', { name: 'Prescribe' }));
    await waitFor(() =>
      expect(within(form()).getByRole('spinbutton', { name: 'Duration (days)' })).toHaveAccessibleDescription(
        'Must be between 1 and 365 days',
      ),
    );
    expect(within(form()).getByRole('spinbutton', { name: 'Quantity to dispense' })).toHaveAccessibleDescription(
      expect.stringContaining('Must be more than 0'),
    );
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone, and sends "unknown" without a prescriber', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<PrescriptionForm patientId={patientId} />);
    await within(recordList()).findByText('No prescriptions on record.');

    await user.tab();
    expect(medication()).toHaveFocus();
    await user.keyboard('Metformin hydrochloride 500 MG Oral Tablet (861007)');
    await user.tab();
    await user.keyboard('Take 1 tablet twice daily');
    await user.tab(); // frequency
    await user.tab(); // duration
    await user.keyboard('30');
    await user.tab(); // quantity
    await user.keyboard('60');
    await user.tab(); // unit
    await user.tab(); // refills
    await user.keyboard('{Backspace}3');
    await user.tab(); // priority
    await user.tab(); // category
    await user.tab(); // course
    await user.tab(); // substitution
    expect(within(form()).getByRole('checkbox', { name: 'Allow generic substitution' })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab(); // notes
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Prescribe' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Prescribed Metformin hydrochloride 500 MG Oral Tablet.');
    const [stored] = await recordsOf<MedicationRequest>(emulator, 'prescriptions', patientId);
    expect(stored).toMatchObject({
      requester: { reference: 'Practitioner/unknown' },
      dispenseRequest: { numberOfRepeatsAllowed: 3, quantity: { value: 60, unit: 'tablets' }, expectedSupplyDuration: { value: 30 } },
      substitution: { allowedBoolean: false },
    });
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<PrescriptionForm proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Lisinopril 10 MG Oral Tablet')).toBeVisible();
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    renderWithClient(
      <PrescriptionForm patientId={patientId} theme="inherit" unstyled className="mine" classNames={{ form: 'my-form' }} />,
      {
        provider: { messages: { prescriptionForm: { title: 'Medications', save: 'Send to pharmacy' } } } as never,
      },
    );
    const root = screen.getByRole('region', { name: 'Medications' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'inherit');
    expect(root).toHaveAttribute('data-status', 'idle');
    expect(screen.getByRole('form', { name: 'New prescription' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Send to pharmacy' })).toBeVisible();
  });
});
