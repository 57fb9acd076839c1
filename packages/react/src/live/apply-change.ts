/**
 * What a change someone else made makes stale, and nothing more: the record's own reads, the searches of its path
 * that can list it (those of its patients, and those not filtered by patient), and its patients' records. A
 * deletion is also remembered as this client's own would be, so a search the index has not caught up with does not
 * bring the row back; a creation or update is refreshed once more after the index's usual lag.
 */
import type { ResourcePath } from '@clinikapi/core';
import type { QueryClient } from '@tanstack/react-query';
import { patientRecordKeys, resourceKeys } from '../queries/keys.ts';
import { PATIENT_REVINCLUDES } from '../queries/patient-links.ts';
import { rememberWrite } from '../queries/recent-writes.ts';
import type { LiveChange } from './live-connection.ts';

/** ClinikAPI's search trails writes by about 10 s (`data-consistency.mdx`). */
export const SEARCH_LAG_MS = 10_000;

/** True for a search key of the path (`[…, 'search', params]`, `[…, 'search', 'infinite', params]`) that can list the record. */
function searchLists(queryKey: readonly unknown[], patientIds: readonly string[]): boolean {
  const params = queryKey.at(-1) as { patientId?: unknown } | undefined;
  const patientId = typeof params === 'object' && params !== null ? params.patientId : undefined;
  return patientId === undefined || patientIds.length === 0 || patientIds.includes(String(patientId));
}

/** What applying a change needs of it (the demo's own writes carry no FHIR type). */
export type AppliedChange = Pick<LiveChange, 'path' | 'id' | 'action' | 'patientIds'>;

function invalidateSearches(queryClient: QueryClient, change: AppliedChange): Promise<void> {
  const patientIds = change.path === 'patients' ? [] : change.patientIds;
  return queryClient.invalidateQueries({
    queryKey: resourceKeys(change.path as ResourcePath).searches(),
    predicate: (query) => searchLists(query.queryKey, patientIds),
  });
}

/**
 * Marks stale what `change` touches in `queryClient` — what `useLiveUpdates` does with each event; for apps that
 * receive changes some other way. `lagMs` (default 10 s, 0 for none): when searches are refreshed a second time.
 */
export function applyLiveChange(queryClient: QueryClient, change: AppliedChange, lagMs = SEARCH_LAG_MS): Promise<void> {
  const keys = resourceKeys(change.path as ResourcePath);
  if (change.action === 'deleted') rememberWrite(queryClient, change.path, change.id, null);
  const linked = change.path === 'patients' || Object.hasOwn(PATIENT_REVINCLUDES, change.path);
  const records = !linked
    ? []
    : change.patientIds.length > 0
      ? change.patientIds.map((id) => queryClient.invalidateQueries({ queryKey: patientRecordKeys.patient(id) }))
      : // The patient could not be told: every cached record (only mounted ones refetch).
        [queryClient.invalidateQueries({ queryKey: patientRecordKeys.all })];
  if (change.action !== 'deleted' && lagMs > 0) setTimeout(() => void invalidateSearches(queryClient, change), lagMs);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.detail(change.id) }),
    invalidateSearches(queryClient, change),
    ...records,
  ]).then(() => undefined);
}

/** The stream could not resume: anything of this library's may be stale. */
export function applyLiveReset(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['clinikapi'] });
}
