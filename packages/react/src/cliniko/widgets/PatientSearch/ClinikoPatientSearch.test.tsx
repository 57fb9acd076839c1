import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.ts';
import { renderWithCliniko, startTestClinikoEmulator, TEST_CLINIKO_URL } from '../../../test/cliniko-emulator.tsx';
import { errorAnswer } from '../../../test/error-answers.ts';
import { mswServer } from '../../../test/msw-server.ts';
import { ClinikoPatientSearch } from './ClinikoPatientSearch.tsx';

const widget = () => screen.getByRole('region', { name: 'Find a patient' });
const grid = () => within(widget()).getByRole('grid');
const status = () =>
  within(widget())
    .getAllByRole('status')
    .find((element) => element.textContent) as HTMLElement;
const names = () =>
  within(grid())
    .queryAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('ClinikoPatientSearch', () => {
  it('lists the clinic’s patients page by page, rendering only the rows in view', async () => {
    await startTestClinikoEmulator();
    const { container } = renderWithCliniko(<ClinikoPatientSearch height={300} />);
    await waitFor(() => expect(status()).toHaveTextContent('50 of 117 patients'));
    // 300 px shows 6 rows; 8 more either way are rendered, not 50.
    expect(within(grid()).getAllByRole('row').length).toBeLessThan(20);
    expect(grid()).toHaveAttribute('aria-rowcount', '118');
    await expectNoAxeViolations(container);
  });

  it('searches by family name, by email and by date of birth', async () => {
    await startTestClinikoEmulator();
    const user = userEvent.setup();
    renderWithCliniko(<ClinikoPatientSearch />);
    await user.type(await within(widget()).findByRole('searchbox', { name: 'Family name, or first and family name' }), 'Olivia Smith');
    await waitFor(() => expect(names().length).toBeGreaterThan(0));
    await waitFor(() => expect(names().every((name) => /^Olivia Smith/.test(name ?? ''))).toBe(true));

    await user.selectOptions(within(widget()).getByRole('combobox', { name: 'Search by' }), 'Email');
    const email = within(widget()).getByRole('textbox', { name: 'Part of the email address' });
    expect(email).toHaveValue('');
    await user.type(email, 'zoe.');
    await waitFor(() => expect(names().length).toBeGreaterThan(0));
    await waitFor(() => expect(names().every((name) => name?.startsWith('Zoe '))).toBe(true));

    await user.selectOptions(within(widget()).getByRole('combobox', { name: 'Search by' }), 'Date of birth');
    fireEvent.change(within(widget()).getByLabelText('Date of birth', { selector: 'input' }), { target: { value: '1900-01-01' } });
    expect(await within(widget()).findByText('No patients match “1900-01-01”.')).toBeVisible();
  });

  it('is a keyboard grid: one tab stop, arrows and End (which loads every page), Enter chooses', async () => {
    await startTestClinikoEmulator();
    const onSelect = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<ClinikoPatientSearch onSelect={onSelect} height={300} />);
    await waitFor(() => expect(status()).toHaveTextContent('50 of 117 patients'));
    await user.tab(); // search by
    await user.tab(); // the search box
    await user.tab(); // the grid's active row
    const rows = () => within(grid()).getAllByRole('row').slice(1);
    expect(rows()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows()[1]).toHaveFocus();
    await user.keyboard('{End}');
    await waitFor(() => expect(status()).toHaveTextContent('100 of 117 patients'));
    await user.keyboard('{End}');
    await waitFor(() => expect(status()).toHaveTextContent('117 of 117 patients'));
    await user.keyboard('{End}');
    const last = await waitFor(() => {
      const focused = document.activeElement as HTMLElement;
      expect(focused).toHaveAttribute('aria-rowindex', '118');
      return focused;
    });
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ label: within(last).getByRole('rowheader').textContent, id: expect.stringMatching(/^\d+$/) }),
    );
    await expectNoAxeViolations(container);
  });

  it('says when patients cannot be searched, and tries again', async () => {
    await startTestClinikoEmulator();
    mswServer.use(
      http.get(`${TEST_CLINIKO_URL}/patients`, () => errorAnswer('UPSTREAM_UNAVAILABLE', { requestId: 'req_p' }), { once: true }),
    );
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<ClinikoPatientSearch />);
    const failure = (await within(widget()).findByText(/^Patients could not be searched/)).closest('[role="alert"]') as HTMLElement;
    expect(failure).toHaveTextContent('Reference: req_p');
    await expectNoAxeViolations(container);
    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(status()).toHaveTextContent('50 of 117 patients'));
  });

  it('says plainly when the user may not search patients, with no retry that cannot succeed', async () => {
    await startTestClinikoEmulator();
    mswServer.use(http.get(`${TEST_CLINIKO_URL}/patients`, () => errorAnswer('FORBIDDEN', { requestId: 'req_p' })));
    const { container } = renderWithCliniko(<ClinikoPatientSearch />);
    const failure = (await within(widget()).findByText(/^Patients could not be searched/)).closest('[role="alert"]') as HTMLElement;
    expect(failure).toHaveTextContent('Your account does not have access to these records.');
    expect(within(failure).queryByRole('button', { name: 'Try again' })).toBeNull();
    await expectNoAxeViolations(container);
  });
});
