/**
 * Leaving a screen (a tab switched away, a StrictMode remount) does not cancel its reads: the answer arrives, is
 * cached, and is there when the user comes back — no cancelled request, and no second request for the same data.
 */
import { waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useObservations } from '../hooks/resources/observations.ts';
import { usePatientRecord } from '../hooks/usePatientRecord.ts';
import { mswServer, TEST_PROXY_URL } from '../test/msw-server.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { patientRecordKeys, resourceKeys } from './keys.ts';

const EMPTY_PAGE = { data: { data: [], total: 0, hasMore: false }, meta: { requestId: 'req_1', timestamp: '', status: 200 } };

/** Holds the answers until the test says the screen has gone: the answer comes after leaving, however slow the machine. */
function afterLeaving(): { readonly left: Promise<void>; leave(): void } {
  let leave = () => {};
  const left = new Promise<void>((resolve) => (leave = resolve));
  return { left, leave };
}

describe('a read whose screen goes away', () => {
  it('is not cancelled: it finishes and is cached for when the user comes back', async () => {
    const aborted: boolean[] = [];
    const leaving = afterLeaving();
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/observations`, async ({ request }) => {
        await leaving.left;
        aborted.push(request.signal.aborted);
        return HttpResponse.json(EMPTY_PAGE);
      }),
    );
    const { unmount, queryClient } = renderHookWithClient(() => useObservations({ patientId: 'p1' }));
    unmount();
    leaving.leave();
    await waitFor(() =>
      expect(queryClient.getQueryData(resourceKeys('observations').search({ patientId: 'p1' }))).toEqual(EMPTY_PAGE.data),
    );
    expect(aborted).toEqual([false]);
  });

  it('holds for a patient record too', async () => {
    const aborted: boolean[] = [];
    const leaving = afterLeaving();
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients/:id`, async ({ request }) => {
        await leaving.left;
        aborted.push(request.signal.aborted);
        return HttpResponse.json({
          data: {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [{ resource: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Ada'], family: 'Lovelace' }] } }],
          },
        });
      }),
    );
    const { unmount, queryClient } = renderHookWithClient(() => usePatientRecord('p1', { include: ['observations'] }));
    unmount();
    leaving.leave();
    await waitFor(() => expect(queryClient.getQueryData(patientRecordKeys.record('p1', ['observations']))).toBeDefined());
    expect(aborted).toEqual([false]);
  });
});
