import { useQuery } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useClinikClient } from '../../provider/context.ts';
import { ClinikProvider } from '../../provider/ClinikProvider.tsx';
import { resourceKeys } from '../../queries/keys.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { changeFrame, READY, serveEventStreams } from '../../test/event-streams.ts';
import { createTestQueryClient, renderWithClient } from '../../test/render.tsx';
import { LiveUpdates } from './LiveUpdates.tsx';

const detail = resourceKeys('observations').detail('obs-1');

describe('LiveUpdates', () => {
  it('shows nothing while the stream is up, and makes what a change touches stale', async () => {
    const streams = serveEventStreams();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(detail, { id: 'obs-1' });
    const { container } = renderWithClient(<LiveUpdates />, { queryClient });
    const stream = await streams.nth(0);
    stream.send(READY);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('');
    expect(screen.queryByRole('button')).toBeNull();
    stream.send(changeFrame('evt_1', { path: 'observations', id: 'obs-1', action: 'updated', patientIds: ['amara'] }));
    await waitFor(() => expect(queryClient.getQueryState(detail)?.isInvalidated).toBe(true));
    await expectNoAxeViolations(container);
  });

  it('says politely when the stream is down, and reconnects from the keyboard', async () => {
    const streams = serveEventStreams();
    const user = userEvent.setup();
    const { container } = renderWithClient(<LiveUpdates />);
    const first = await streams.nth(0);
    first.send(READY);
    streams.refuseWith(503);
    first.end();
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Live updates paused. Reconnecting…'));
    expect(status).toHaveAttribute('role', 'status');
    await expectNoAxeViolations(container);

    streams.refuseWith(200);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Reconnect now' })).toHaveFocus();
    await user.keyboard('{Enter}');
    (await streams.nth(1)).send(READY);
    await waitFor(() => expect(status).toHaveTextContent(''));
    expect(screen.queryByRole('button', { name: 'Reconnect now' })).toBeNull();
  });

  it('opens one stream for however many users of it, and closes it with the last', async () => {
    const streams = serveEventStreams();
    const { unmount } = renderWithClient(
      <>
        <LiveUpdates />
        <LiveUpdates />
      </>,
    );
    (await streams.nth(0)).send(READY);
    await waitFor(() => expect(screen.getAllByRole('status')).toHaveLength(2));
    expect(streams.opened).toHaveLength(1);
    unmount();
  });

  it('in demo mode, hears the demo API’s writes with no network at all', async () => {
    const network = vi.spyOn(globalThis, 'fetch');
    const queryClient = createTestQueryClient();
    const search = resourceKeys('observations').search({ patientId: 'p1' });
    let write: (() => Promise<unknown>) | undefined;
    function Writer() {
      const client = useClinikClient();
      useQuery({ queryKey: search, queryFn: () => ({ data: [] }) });
      write = () => client.request('POST', 'observations', { body: { status: 'final', code: 'Heart rate', patientId: 'p1' } });
      return null;
    }
    render(
      <ClinikProvider proxyUrl="demo" queryClient={queryClient}>
        <LiveUpdates />
        <Writer />
      </ClinikProvider>,
    );
    await waitFor(() => expect(queryClient.getQueryState(search)?.status).toBe('success'));
    const fetched = queryClient.getQueryState(search)?.dataUpdateCount ?? 0;
    await act(async () => {
      await write?.();
    });
    await waitFor(() => expect(queryClient.getQueryState(search)?.dataUpdateCount).toBeGreaterThan(fetched));
    expect(network).not.toHaveBeenCalled();
    network.mockRestore();
  });
});
