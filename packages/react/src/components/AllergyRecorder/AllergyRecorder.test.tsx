import type { AllergyIntolerance } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { AllergyRecorder } from './AllergyRecorder.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Okafor');
  if (options.existing) {
    await createRecord(emulator, 'allergies', {
      patientId,
      code: 'Peanut',
      clinicalStatus: 'resolved',
      recordedDate: '2024-01-10T09:00:00Z',
    });
    await createRecord(emulator, 'allergies', {
      patientId,
      code: 'Penicillin',
      clinicalStatus: 'active',
      criticality: 'high',
      recordedDate: '2025-03-02T09:00:00Z',
      reaction: [{ manifestation: ['Anaphylaxis'], severity: 'severe' }],
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Record an allergy' });
const recordList = () => screen.getByRole('region', { name: 'On record' });

describe('AllergyRecorder', () => {
  it('shows what is on record first, active allergies first', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<AllergyRecorder patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const items = await within(recordList()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Penicillin — Anaphylaxis.*High criticality · Active/),
      expect.stringMatching(/^Peanut.*Resolved/),
    ]);
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<AllergyRecorder patientId={patientId} />);
    expect(await within(recordList()).findByText('No allergies recorded.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('records an allergy with a SNOMED code, lists it and reports it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<AllergyRecorder patientId={patientId} recorderId="prac-1" onSuccess={onSuccess} />);
    await within(recordList()).findByText('No allergies recorded.');

    await user.type(within(form()).getByRole('combobox', { name: /Allergen/ }), 'Penicillin (764146007)');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Type' }), 'Allergy');
    await user.click(within(form()).getByRole('checkbox', { name: 'Medication' }));
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Criticality' }), 'High');
    await user.type(within(form()).getByRole('textbox', { name: 'Reaction' }), 'Hives, wheezing');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Reaction severity' }), 'Moderate');
    await user.click(within(form()).getByRole('button', { name: 'Record allergy' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Recorded Penicillin.');
    expect(await within(recordList()).findByText('Penicillin')).toBeVisible();
    expect(within(form()).getByRole('combobox', { name: /Allergen/ })).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'AllergyIntolerance' }));

    const [stored] = await recordsOf<AllergyIntolerance>(emulator, 'allergies', patientId);
    expect(stored).toMatchObject({
      code: { coding: [{ system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin' }] },
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      clinicalStatus: { coding: [{ code: 'active' }] },
      recorder: { reference: 'Practitioner/prac-1' },
      reaction: [{ manifestation: [{ text: 'Hives' }, { text: 'wheezing' }], severity: 'moderate' }],
    });
    await expectNoAxeViolations(container);
  });

  it('validates before sending and focuses the allergen', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<AllergyRecorder patientId={patientId} />);
    await user.click(within(form()).getByRole('button', { name: 'Record allergy' }));

    const allergen = within(form()).getByRole('combobox', { name: /Allergen/ });
    await waitFor(() => expect(allergen).toHaveFocus());
    expect(allergen).toBeInvalid();
    expect(allergen).toHaveAccessibleDescription(expect.stringContaining('Enter the allergen'));
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<AllergyRecorder patientId={patientId} />);
    await within(recordList()).findByText('No allergies recorded.');

    await user.tab();
    expect(within(form()).getByRole('combobox', { name: /Allergen/ })).toHaveFocus();
    await user.keyboard('Shellfish');
    await user.tab(); // type
    await user.keyboard('{ArrowDown}');
    await user.tab(); // criticality
    await user.tab(); // clinical status
    await user.tab(); // first category: food
    await user.keyboard(' ');
    expect(within(form()).getByRole('checkbox', { name: 'Food' })).toBeChecked();
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab(); // reaction
    expect(within(form()).getByRole('textbox', { name: 'Reaction' })).toHaveFocus();
    await user.keyboard('Swelling{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Recorded Shellfish.');
    const [stored] = await recordsOf<AllergyIntolerance>(emulator, 'allergies', patientId);
    expect(stored).toMatchObject({
      code: { text: 'Shellfish' },
      category: ['food'],
      reaction: [{ manifestation: [{ text: 'Swelling' }] }],
    });
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<AllergyRecorder proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Penicillin')).toBeVisible();
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    renderWithClient(<AllergyRecorder patientId={patientId} theme="dark" unstyled className="mine" classNames={{ form: 'my-form' }} />, {
      provider: { messages: { allergyRecorder: { title: 'Allergies (reviewed)', save: 'Save allergy' } } } as never,
    });
    const root = screen.getByRole('region', { name: 'Allergies (reviewed)' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-status', 'idle');
    expect(screen.getByRole('form', { name: 'Record an allergy' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Save allergy' })).toBeVisible();
  });

  it('starts a new form when the patient changes, so nothing typed for one is sent for another', async () => {
    const { emulator, patientId } = await setUp();
    const other = await patientIdOf(emulator, 'Hartley');
    const user = userEvent.setup();
    const { rerender } = renderWithClient(<AllergyRecorder patientId={patientId} />);
    await user.type(within(form()).getByRole('combobox', { name: /Allergen/ }), 'Latex');
    rerender(<AllergyRecorder patientId={other} />);
    expect(within(form()).getByRole('combobox', { name: /Allergen/ })).toHaveValue('');
  });
});
