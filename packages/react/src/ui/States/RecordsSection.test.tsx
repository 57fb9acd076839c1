import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ClinikApiError } from '../../client/errors.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { renderWithClient } from '../../test/render.tsx';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import { RecordsSection } from './RecordsSection.tsx';

const messages = {
  listTitle: 'On record',
  loading: 'Loading allergies…',
  loadError: 'Allergies could not be loaded.',
  empty: 'None yet.',
  emptyHint: 'Add the first below.',
};
const stateOf = (recordsStatus: RecordsState['recordsStatus'], retryRecords = vi.fn()): RecordsState => ({
  recordsStatus,
  recordsError: recordsStatus === 'error' ? new ClinikApiError({ status: 503, code: 'INTERNAL_ERROR', message: 'boom' }) : null,
  retryRecords,
});
const section = () => screen.getByRole('region', { name: 'On record' });

describe('RecordsSection', () => {
  it('shows the records only when there are some, and its footer whatever the status', async () => {
    const { container, rerender } = renderWithClient(
      <RecordsSection state={stateOf('ready')} messages={messages} footer={<p>Past: 2</p>}>
        <ul>
          <li>Penicillin</li>
        </ul>
      </RecordsSection>,
    );
    expect(within(section()).getByRole('listitem')).toHaveTextContent('Penicillin');
    expect(section()).toHaveAttribute('aria-busy', 'false');
    await expectNoAxeViolations(container);

    rerender(
      <RecordsSection state={stateOf('empty')} messages={messages} footer={<p>Past: 2</p>}>
        <ul>
          <li>Penicillin</li>
        </ul>
      </RecordsSection>,
    );
    expect(within(section()).queryByRole('listitem')).not.toBeInTheDocument();
    expect(section()).toHaveTextContent('None yet.Add the first below.Past: 2');
  });

  it('says it is loading, and offers a retry when loading failed', async () => {
    const retry = vi.fn();
    const { rerender } = renderWithClient(
      <RecordsSection state={stateOf('loading')} messages={messages}>
        {null}
      </RecordsSection>,
    );
    expect(section()).toHaveAttribute('aria-busy', 'true');
    expect(section()).toHaveTextContent('Loading allergies…');

    rerender(
      <RecordsSection state={stateOf('error', retry)} messages={messages}>
        {null}
      </RecordsSection>,
    );
    expect(within(section()).getByRole('alert')).toHaveTextContent('Allergies could not be loaded.');
    await userEvent.click(within(section()).getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('reads a records query: its status from the query and the number of records to list, its error, its retry', () => {
    const query = (isPending: boolean, isError: boolean) => ({ isPending, isError, error: null, refetch: vi.fn(async () => undefined) });
    expect(recordsStateOf(query(true, false), 0).recordsStatus).toBe('loading');
    expect(recordsStateOf(query(false, true), 3).recordsStatus).toBe('error');
    expect(recordsStateOf(query(false, false), 0).recordsStatus).toBe('empty');
    expect(recordsStateOf(query(false, false), 1).recordsStatus).toBe('ready');
    const failed = { ...query(false, true), error: new ClinikApiError({ status: 503, code: 'INTERNAL_ERROR', message: 'boom' }) };
    const state = recordsStateOf(failed, 0);
    expect(state.recordsError).toBe(failed.error);
    state.retryRecords();
    expect(failed.refetch).toHaveBeenCalledOnce();
  });
});
