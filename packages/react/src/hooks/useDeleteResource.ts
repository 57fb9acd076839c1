'use client';
import type { ResourcePath } from '@clinikapi/core';
import type { QueryKey, UseMutationResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { editInSearches, restoreSnapshot, snapshotSearches, versionOf } from '../queries/cache-updates.ts';
import { affectedPatients, cachedRecord, invalidateAfterWrite } from '../queries/invalidation.ts';
import { resourceKeys } from '../queries/keys.ts';
import { rememberWrite } from '../queries/recent-writes.ts';
import { recordPath } from '../queries/resource-queries.ts';
import type { ClinikMutationOptions } from './options.ts';
import { useWriteMutation } from './useWriteMutation.ts';

/** What a delete mutation takes. */
export interface DeleteVariables {
  readonly id: string;
  /** The version the user saw, sent as `If-Match`. Default: the cached record's version. */
  readonly version?: string | undefined;
}

/** The version each pending delete is based on, read before the row leaves the cached lists. */
const basedOn = new WeakMap<DeleteVariables, string | undefined>();

interface DeleteContext {
  readonly snapshot: ReadonlyArray<readonly [QueryKey, unknown]>;
  readonly patientIds: readonly string[] | undefined;
}

/**
 * Deletes a record of any path: `useDeleteResource('tasks').mutate({ id })`.
 *
 * The row disappears from every cached list at once (and comes back if the delete fails); it stays hidden from
 * searches that still list it while the index catches up. Sent with `If-Match` when the version is known: deleting a
 * record someone else has just changed is a 409, not a silent loss of their change.
 */
export function useDeleteResource<P extends ResourcePath>(
  path: P,
  options: ClinikMutationOptions<void, DeleteVariables> = {},
): UseMutationResult<void, ClinikApiError, DeleteVariables> {
  const keys = resourceKeys(path);
  return useWriteMutation<void, DeleteVariables, DeleteContext>(path, 'delete', options, (client, queryClient) => ({
    onMutate: async (variables) => {
      const cached = cachedRecord(queryClient, path, variables.id);
      basedOn.set(variables, variables.version ?? versionOf(cached));
      const patientIds = affectedPatients(path, cached);
      await queryClient.cancelQueries({ queryKey: keys.searches() });
      const snapshot = snapshotSearches(queryClient, path);
      editInSearches(queryClient, path, variables.id);
      return { snapshot, patientIds };
    },
    mutationFn: async (variables) => {
      await client.request<void>('DELETE', recordPath(path, variables.id), {
        ifMatch: basedOn.has(variables) ? basedOn.get(variables) : variables.version,
      });
    },
    onSuccess: (_data, { id }) => {
      rememberWrite(queryClient, path, id, null);
      queryClient.removeQueries({ queryKey: keys.detail(id), exact: true });
    },
    onError: (_variables, context) => context && restoreSnapshot(queryClient, context.snapshot),
    onSettled: (_data, error, { id }, context) =>
      Promise.all([
        invalidateAfterWrite(queryClient, path, context?.patientIds),
        error && queryClient.invalidateQueries({ queryKey: keys.detail(id), exact: true }),
      ]),
  }));
}
