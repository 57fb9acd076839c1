'use client';
import type { ResourceOf, ResourcePath, UpdateInput } from '@clinikapi/core';
import type { QueryKey, UseMutationResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { editInSearches, restoreSnapshot, snapshotSearches, versionOf } from '../queries/cache-updates.ts';
import { affectedPatients, cachedRecord, invalidateAfterWrite } from '../queries/invalidation.ts';
import { mutationKeys, resourceKeys } from '../queries/keys.ts';
import { rememberWrite } from '../queries/recent-writes.ts';
import { recordPath } from '../queries/resource-queries.ts';
import type { ClinikMutationOptions } from './options.ts';
import { optimisticUpdate } from './optimistic.ts';
import { useWriteMutation } from './useWriteMutation.ts';

/** What an update mutation takes. */
export interface UpdateVariables<P extends ResourcePath> {
  readonly id: string;
  /** The changed fields (a merge), or RFC 6902 JSON Patch operations. */
  readonly changes: UpdateInput<P>;
  /**
   * The version (`meta.versionId`) the change is based on, sent as `If-Match`. Default: the version of the cached
   * record — the one the user was looking at — so a change made meanwhile by someone else is a 409, not overwritten.
   */
  readonly version?: string | undefined;
}

interface UpdateContext {
  /** The cached searches before an optimistic change; absent when there was none. */
  readonly snapshot?: ReadonlyArray<readonly [QueryKey, unknown]>;
  readonly previous: unknown;
}

/**
 * Updates a record of any path: `useUpdateResource('tasks').mutate({ id, changes: { status: 'completed' } })`.
 *
 * Sent with `If-Match` whenever the version is known. A 409 fails the mutation with a `ClinikConflictError` ("changed
 * by someone else"): the optimistic change is rolled back and the record refetched, so the UI can show the current
 * version — nothing is overwritten silently. Updates of one path run one at a time, each based on the version the
 * previous one produced, so quick successive edits by the same user never conflict with each other.
 */
export function useUpdateResource<P extends ResourcePath>(
  path: P,
  options: ClinikMutationOptions<ResourceOf<P>, UpdateVariables<P>> = {},
): UseMutationResult<ResourceOf<P>, ClinikApiError, UpdateVariables<P>> {
  const keys = resourceKeys(path);
  return useWriteMutation<ResourceOf<P>, UpdateVariables<P>, UpdateContext>(path, 'update', options, (client, queryClient) => ({
    scope: { id: mutationKeys(path).update.join('/') },
    onMutate: async ({ id, changes }) => {
      const previous = queryClient.getQueryData(keys.detail(id));
      const optimistic = optimisticUpdate(path, previous, changes);
      if (optimistic === undefined) return { previous };
      await queryClient.cancelQueries({ queryKey: keys.all });
      const snapshot = snapshotSearches(queryClient, path);
      queryClient.setQueryData(keys.detail(id), optimistic as ResourceOf<P>);
      editInSearches(queryClient, path, id, optimistic);
      return { snapshot, previous };
    },
    // The optimistic value keeps the cached `meta`, so the version read here is still the one the change is based on.
    mutationFn: async ({ id, changes, version }) =>
      (
        await client.request<ResourceOf<P>>('PATCH', recordPath(path, id), {
          body: changes,
          ifMatch: version ?? versionOf(cachedRecord(queryClient, path, id)),
        })
      ).data,
    onSuccess: (updated, { id }) => {
      queryClient.setQueryData(keys.detail(id), updated);
      editInSearches(queryClient, path, (updated as { id?: unknown }).id, updated);
      rememberWrite(queryClient, path, id, updated as { id?: string });
    },
    onError: ({ id }, context) => {
      if (!context?.snapshot) return;
      restoreSnapshot(queryClient, context.snapshot);
      queryClient.setQueryData(keys.detail(id), context.previous as ResourceOf<P>);
    },
    onSettled: (updated, error, { id }) =>
      Promise.all([
        invalidateAfterWrite(queryClient, path, affectedPatients(path, updated)),
        // After a failure the cached record may be out of date (a 409 says it is): fetch the current version, even
        // when no component shows the record (`refetchType: 'all'`), so the next edit starts from what the server holds.
        error && queryClient.invalidateQueries({ queryKey: keys.detail(id), exact: true, refetchType: 'all' }),
      ]),
  }));
}
