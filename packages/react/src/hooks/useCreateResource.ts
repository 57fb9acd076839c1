'use client';
import type { CreateInput, ResourceOf, ResourcePath } from '@clinikapi/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../client/idempotency.ts';
import { affectedPatients, invalidateAfterWrite } from '../queries/invalidation.ts';
import { resourceKeys } from '../queries/keys.ts';
import type { ClinikMutationOptions } from './options.ts';
import { useWriteMutation } from './useWriteMutation.ts';

/**
 * Creates a record of any path: `useCreateResource('tasks').mutate(task)`.
 *
 * Every create carries an `Idempotency-Key`, the same one for every retry of the same input object — automatic
 * retries and a "Try again" after a failure alike — so a create whose answer was lost is never applied twice. The
 * new record goes into the cache under its id at once (reads by id are immediately consistent); the path's searches
 * and the patient's record are refreshed. Search is eventually consistent on ClinikAPI, so render a confirmation
 * from the returned record rather than waiting for it to appear in a list.
 */
export function useCreateResource<P extends ResourcePath>(
  path: P,
  options: ClinikMutationOptions<ResourceOf<P>, CreateInput<P>> = {},
): UseMutationResult<ResourceOf<P>, ClinikApiError, CreateInput<P>> {
  return useWriteMutation(path, 'create', options, (client, queryClient) => ({
    mutationFn: async (input) =>
      (await client.request<ResourceOf<P>>('POST', path, { body: input, idempotencyKey: idempotencyKeyFor(input as object) })).data,
    onSuccess: (created, input) => {
      forgetIdempotencyKey(input as object);
      const id = (created as { id?: unknown }).id;
      if (typeof id === 'string') queryClient.setQueryData(resourceKeys(path).detail(id), created);
    },
    // A 4xx changed nothing; anything else (success, or no answer at all) may have.
    onSettled: async (created, error) =>
      (!error || error.status === 0 || error.status >= 500) && invalidateAfterWrite(queryClient, path, affectedPatients(path, created)),
  }));
}
