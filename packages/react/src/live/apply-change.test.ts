import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { patientRecordKeys, resourceKeys } from '../queries/keys.ts';
import { reconcileSearchPage } from '../queries/recent-writes.ts';
import { applyLiveChange, applyLiveReset } from './apply-change.ts';

const observations = resourceKeys('observations');
const patients = resourceKeys('patients');

/** A cache as a clinic screen leaves it: records, searches and patient records of two patients, and another path. */
function cache(): QueryClient {
  const queryClient = new QueryClient();
  const put = (key: readonly unknown[]) => queryClient.setQueryData(key, { data: [] });
  put(observations.detail('obs-1'));
  put(observations.detail('obs-2'));
  put(observations.search({ patientId: 'amara' }));
  put(observations.search({ patientId: 'ben' }));
  put(observations.infiniteSearch({ patientId: 'amara', count: 50 }));
  put(observations.search({ status: 'final' }));
  put(patientRecordKeys.record('amara', ['observations']));
  put(patientRecordKeys.record('ben', ['observations']));
  put(patients.detail('amara'));
  put(patients.search({ name: 'ok' }));
  put(resourceKeys('allergies').search({ patientId: 'amara' }));
  return queryClient;
}

const stale = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => JSON.stringify(query.queryKey))
    .sort();

const keyText = (key: readonly unknown[]) => JSON.stringify(key);

describe('applying a change someone else made', () => {
  afterEach(() => vi.useRealTimers());

  it('makes stale the record, the searches that can list it and its patient’s record — nothing of another patient or path', async () => {
    const queryClient = cache();
    await applyLiveChange(queryClient, { path: 'observations', id: 'obs-1', action: 'created', patientIds: ['amara'] }, 0);
    expect(stale(queryClient)).toEqual(
      [
        observations.detail('obs-1'),
        observations.search({ patientId: 'amara' }),
        observations.infiniteSearch({ patientId: 'amara', count: 50 }),
        observations.search({ status: 'final' }),
        patientRecordKeys.record('amara', ['observations']),
      ]
        .map(keyText)
        .sort(),
    );
  });

  it('reaches every patient record when the patient could not be told, and a patient’s own reads when it is the patient', async () => {
    const queryClient = cache();
    await applyLiveChange(queryClient, { path: 'observations', id: 'obs-9', action: 'updated', patientIds: [] }, 0);
    expect(stale(queryClient)).toContain(keyText(patientRecordKeys.record('ben', ['observations'])));
    expect(stale(queryClient)).toContain(keyText(observations.search({ patientId: 'ben' })));

    const other = cache();
    await applyLiveChange(other, { path: 'patients', id: 'amara', action: 'updated', patientIds: ['amara'] }, 0);
    expect(stale(other)).toEqual(
      [patients.detail('amara'), patients.search({ name: 'ok' }), patientRecordKeys.record('amara', ['observations'])].map(keyText).sort(),
    );
  });

  it('keeps a deleted row out of searches the index has not caught up with, and refreshes searches again after the lag', async () => {
    vi.useFakeTimers();
    const queryClient = cache();
    await applyLiveChange(queryClient, { path: 'observations', id: 'obs-2', action: 'deleted', patientIds: ['amara'] });
    const page = reconcileSearchPage(queryClient, 'observations', { data: [{ id: 'obs-2' }, { id: 'obs-3' }], total: 2, hasMore: false });
    expect(page.data.map((row) => (row as { id: string }).id)).toEqual(['obs-3']);

    const later = cache();
    await applyLiveChange(later, { path: 'observations', id: 'obs-4', action: 'created', patientIds: ['ben'] }, 10_000);
    // Fresh again, as after the refetch the change caused.
    later.setQueryData(observations.search({ patientId: 'ben' }), { data: [] });
    expect(stale(later)).not.toContain(keyText(observations.search({ patientId: 'ben' })));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stale(later)).toContain(keyText(observations.search({ patientId: 'ben' })));
  });

  it('makes everything of the library stale when the stream could not resume', async () => {
    const queryClient = cache();
    queryClient.setQueryData(['todos'], []);
    await applyLiveReset(queryClient);
    expect(stale(queryClient)).toHaveLength(11);
    expect(stale(queryClient)).not.toContain(keyText(['todos']));
  });
});
