import type { Immunization } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { localToday } from '../../headless/form/dates.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { ImmunizationLogger } from './ImmunizationLogger.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Brooks');
  if (options.existing) {
    await createRecord(emulator, 'immunizations', {
      patientId,
      vaccineCode: { system: 'http://hl7.org/fhir/sid/cvx', code: '03', display: 'MMR' },
      status: 'completed',
      occurrenceDateTime: '2016-10-01',
    });
    await createRecord(emulator, 'immunizations', {
      patientId,
      vaccineCode: 'Influenza',
      status: 'completed',
      occurrenceDateTime: '2024-10-15',
      site: 'Left deltoid',
      lotNumber: 'FL2024A',
    });
    await createRecord(emulator, 'immunizations', {
      patientId,
      vaccineCode: 'COVID-19 mRNA',
      status: 'not-done',
      statusReason: 'Parent declined',
      occurrenceDateTime: '2025-01-05',
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Log an immunization' });
const history = () => screen.getByRole('region', { name: 'Immunization history' });
const vaccineBox = () => within(form()).getByRole('combobox', { name: /Vaccine/ });

describe('ImmunizationLogger', () => {
  it('shows the immunization history first, most recent first', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<ImmunizationLogger patientId={patientId} />);

    expect(history()).toHaveAttribute('aria-busy', 'true');
    const items = await within(history()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^COVID-19 mRNA.*Jan 5, 2025 · Not done: Parent declined$/),
      expect.stringMatching(/^Influenza.*Oct 15, 2024 · Left deltoid · Lot FL2024A$/),
      expect.stringMatching(/^MMR CVX 03.*Oct 1, 2016$/),
    ]);
    expect(items[0]).toHaveAttribute('data-status', 'not-done');
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<ImmunizationLogger patientId={patientId} />);
    expect(await within(history()).findByText('No immunizations recorded.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('logs a dose by CVX code with site, route, lot and manufacturer', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ImmunizationLogger patientId={patientId} onSuccess={onSuccess} />);
    await within(history()).findByText('No immunizations recorded.');

    await user.type(vaccineBox(), '141');
    await user.type(within(form()).getByLabelText('Date'), '2025-10-02');
    await user.type(within(form()).getByRole('combobox', { name: /Site/ }), 'LD');
    await user.type(within(form()).getByRole('combobox', { name: /Route/ }), 'Intramuscular');
    await user.type(within(form()).getByRole('textbox', { name: 'Lot number' }), 'EW0150');
    await user.type(within(form()).getByRole('textbox', { name: 'Manufacturer' }), 'Seqirus');
    await user.click(within(form()).getByRole('button', { name: 'Log immunization' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Logged Influenza, seasonal, injectable.');
    expect(await within(history()).findByText('Influenza, seasonal, injectable')).toBeVisible();
    expect(vaccineBox()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'Immunization' }));

    const [stored] = await recordsOf<Immunization>(emulator, 'immunizations', patientId);
    expect(stored).toMatchObject({
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '141' }] },
      status: 'completed',
      occurrenceDateTime: '2025-10-02',
      site: { text: 'Left deltoid' },
      route: { text: 'Intramuscular' },
      lotNumber: 'EW0150',
      manufacturer: { display: 'Seqirus' },
    });
    await expectNoAxeViolations(container);
  });

  it('asks why a dose was not given, and sends the reason only for “not done”', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ImmunizationLogger patientId={patientId} />);
    expect(within(form()).queryByRole('textbox', { name: 'Reason not done' })).not.toBeInTheDocument();

    await user.type(vaccineBox(), 'Tdap');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Status' }), 'Not done');
    await user.type(within(form()).getByRole('textbox', { name: 'Reason not done' }), 'Declined today');
    await expectNoAxeViolations(container);
    await user.click(within(form()).getByRole('button', { name: 'Log immunization' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Logged Tdap.');
    expect(await within(history()).findByText(/Not done: Declined today/)).toBeVisible();
    const [stored] = await recordsOf<Immunization>(emulator, 'immunizations', patientId);
    expect(stored).toMatchObject({ status: 'not-done', statusReason: { text: 'Declined today' } });

    // A reason typed and then hidden by a change of mind is kept while hidden, and not sent with a given dose.
    const status = within(form()).getByRole('combobox', { name: 'Status' });
    await user.type(vaccineBox(), 'Td');
    await user.selectOptions(status, 'Not done');
    await user.type(within(form()).getByRole('textbox', { name: 'Reason not done' }), 'Feverish');
    await user.selectOptions(status, 'Completed');
    expect(within(form()).queryByRole('textbox', { name: 'Reason not done' })).not.toBeInTheDocument();
    await user.selectOptions(status, 'Not done');
    expect(within(form()).getByRole('textbox', { name: 'Reason not done' })).toHaveValue('Feverish');
    await user.selectOptions(status, 'Completed');
    await user.click(within(form()).getByRole('button', { name: 'Log immunization' }));
    expect(await within(form()).findByRole('status')).toHaveTextContent('Logged Td.');
    const given = (await recordsOf<Immunization>(emulator, 'immunizations', patientId)).find((record) => record.status === 'completed');
    expect(given).toBeDefined();
    expect(given?.statusReason).toBeUndefined();
  });

  it('validates before sending: a vaccine, no future date', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const user = userEvent.setup();
    const { container } = renderWithClient(<ImmunizationLogger patientId={patientId} />);
    await user.type(within(form()).getByLabelText('Date'), localToday(tomorrow));
    await user.click(within(form()).getByRole('button', { name: 'Log immunization' }));

    await waitFor(() => expect(vaccineBox()).toHaveFocus());
    expect(vaccineBox()).toHaveAccessibleDescription(expect.stringContaining('Enter the vaccine'));
    expect(within(form()).getByLabelText('Date')).toHaveAccessibleDescription(expect.stringContaining('Must not be in the future'));
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ImmunizationLogger patientId={patientId} />);
    await within(history()).findByText('No immunizations recorded.');

    await user.tab();
    expect(vaccineBox()).toHaveFocus();
    await user.keyboard('Varicella');
    await user.tab(); // status
    await user.tab(); // date
    await user.tab(); // site
    expect(within(form()).getByRole('combobox', { name: /Site/ })).toHaveFocus();
    await user.keyboard('RT');
    await user.tab(); // route
    await user.keyboard('SQ');
    await user.tab(); // lot number
    await user.keyboard('V77{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Logged Varicella.');
    const [stored] = await recordsOf<Immunization>(emulator, 'immunizations', patientId);
    expect(stored).toMatchObject({ site: { text: 'Right thigh' }, route: { text: 'Subcutaneous' }, lotNumber: 'V77' });
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<ImmunizationLogger proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('MMR')).toBeVisible();
    await expectNoAxeViolations(document.body);
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <ImmunizationLogger
        patientId={patientId}
        theme="dark"
        unstyled
        className="mine"
        classNames={{ records: 'my-list', form: 'my-form' }}
      />,
      { provider: { messages: { immunizationLogger: { title: 'Vaccinations', save: 'Save vaccination' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Vaccinations' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('form', { name: 'Log an immunization' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Save vaccination' })).toBeVisible();
    await waitFor(() => expect(root).toHaveAttribute('data-records', 'empty'));
    await expectNoAxeViolations(container);
  });
});
