import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { errorAnswer } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { PatientList } from './PatientList.tsx';
import { syntheticPage } from './synthetic-patients.ts';

/** A clinic of 10,000 patients behind the proxy mount; counts the pages asked for. */
function bigClinic(options: { failPage?: number } = {}) {
  const pages: string[] = [];
  mswServer.use(
    http.get(`${TEST_PROXY_URL}/patients`, ({ request }) => {
      const url = new URL(request.url);
      const cursor = url.searchParams.get('cursor');
      pages.push(cursor ?? '0');
      if (options.failPage !== undefined && pages.length === options.failPage) {
        return errorAnswer('INTERNAL_ERROR', { requestId: 'req_page', status: 503 });
      }
      return HttpResponse.json({ data: syntheticPage(10_000, cursor, Number(url.searchParams.get('count') ?? 50)) });
    }),
  );
  return pages;
}

const grid = () => screen.getByRole('grid', { name: 'Patients' });
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'));

describe('PatientList with 10,000 patients', () => {
  it('renders only the rows in view, however many patients there are', async () => {
    bigClinic();
    const { container } = renderWithClient(<PatientList pageSize={100} searchDelayMs={0} />);
    await within(grid()).findByRole('rowheader', { name: 'Amara Adeyemi-00000' });
    await waitFor(() => expect(screen.getByText(/^100 of 10,000 patients$/)).toBeInTheDocument());
    expect(grid()).toHaveAttribute('aria-rowcount', '10001');
    // 480 px of 44 px rows, plus 8 ahead: far under the 100-row budget.
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThanOrEqual(30);
    expect(bodyRows()[1]).toHaveAttribute('aria-rowindex', '3');
    await expectNoAxeViolations(container);
  });

  it('moves through the rows with the arrow keys, Page Down, End and Home, and opens one with Enter — keyboard only', async () => {
    const pages = bigClinic();
    const onSelect = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<PatientList pageSize={100} searchDelayMs={0} onSelect={onSelect} />);
    await within(grid()).findByRole('rowheader', { name: 'Amara Adeyemi-00000' });

    await user.tab(); // search
    await user.tab(); // sort
    await user.tab(); // the grid's one tab stop: its active row
    const first = within(grid()).getByRole('row', { name: /Amara Adeyemi-00000/ });
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('tabindex', '0');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(grid()).getByRole('row', { name: /Chen Adeyemi-00002/ })).toHaveFocus();
    expect(first).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{ArrowUp}');
    expect(within(grid()).getByRole('row', { name: /Ben Adeyemi-00001/ })).toHaveFocus();

    await user.keyboard('{PageDown}');
    // A page is the rows that fit (480 − 40 px header, 44 px rows: 10) less one kept for context.
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', String(1 + 9)));

    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '99'));
    expect(document.activeElement).toHaveAccessibleName(/Tova Adeyemi-00099/);
    // Reaching the end asks for the next page, and the DOM still holds only the rows around the focus.
    await waitFor(() => expect(pages.length).toBeGreaterThanOrEqual(2));
    expect(bodyRows().length).toBeLessThanOrEqual(40);

    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ lastName: 'Adeyemi-00099' }));

    await user.keyboard('{Home}');
    await waitFor(() => expect(within(grid()).getByRole('row', { name: /Amara Adeyemi-00000/ })).toHaveFocus());
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ lastName: 'Adeyemi-00000' }));

    // Tabbing out and back returns to the same row.
    await user.tab({ shift: true });
    await user.tab();
    expect(within(grid()).getByRole('row', { name: /Amara Adeyemi-00000/ })).toHaveFocus();
  });

  it('keeps the rows it has when a later page fails, and loads it on retry', async () => {
    bigClinic({ failPage: 2 });
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientList pageSize={10} searchDelayMs={0} />);
    const alert = (await screen.findByText(/More patients could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(screen.getByText(/^10 of 10,000 patients$/)).toBeInTheDocument();
    expect(within(grid()).getByRole('rowheader', { name: 'Amara Adeyemi-00000' })).toBeVisible();
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByText(/More patients could not be loaded/)).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByText(/^\d+ of 10,000 patients$/).textContent).not.toMatch(/^10 of/));
  });

  it('says its order is among the loaded patients when the API cannot sort them all', async () => {
    bigClinic();
    const user = userEvent.setup();
    renderWithClient(<PatientList pageSize={100} searchDelayMs={0} />);
    await within(grid()).findByRole('rowheader', { name: 'Amara Adeyemi-00000' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), '-birthDate');
    expect(screen.getByText(/^Sorted among the \d+ loaded so far; more load as you scroll\.$/)).toBeVisible();
  });
});
