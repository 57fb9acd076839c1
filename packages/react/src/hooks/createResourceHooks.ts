'use client';
/**
 * The family of hooks for one resource path, from the generic hooks — so the 19 named families
 * (`usePatient`, `useCreateObservation`, ...) are one line each instead of 114 near-identical files, and their types
 * follow `ResourceOf<P>`, `CreateInput<P>` and `UpdateInput<P>` as the schema registry grows.
 */
import type { CreateInput, Paginated, ResourceOf, ResourcePath } from '@clinikapi/core';
import type { UseInfiniteQueryResult, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import type { InfiniteSearchParamsOf, ResourceKeys, SearchParamsOf } from '../queries/keys.ts';
import type { ClinikInfiniteQueryOptions, ClinikMutationOptions, ClinikQueryOptions, InfinitePages } from './options.ts';
import { useCreateResource } from './useCreateResource.ts';
import { useDeleteResource, type DeleteVariables } from './useDeleteResource.ts';
import { useInfiniteSearch } from './useInfiniteSearch.ts';
import { useResource } from './useResource.ts';
import { useSearch } from './useSearch.ts';
import { useUpdateResource, type UpdateVariables } from './useUpdateResource.ts';

/** The hooks of one resource path `P`. */
export interface ResourceHooks<P extends ResourcePath> {
  /** One record by id (`useResource(path, id)`). */
  useOne<TData = ResourceOf<P>>(
    id: string | undefined,
    options?: ClinikQueryOptions<ResourceOf<P>, TData, ReturnType<ResourceKeys<P>['detail']>>,
  ): UseQueryResult<TData, ClinikApiError>;
  /** One page of a search (`useSearch(path, params)`). */
  useSearch<TData = Paginated<ResourceOf<P>>>(
    params?: SearchParamsOf<P>,
    options?: ClinikQueryOptions<Paginated<ResourceOf<P>>, TData, ReturnType<ResourceKeys<P>['search']>>,
  ): UseQueryResult<TData, ClinikApiError>;
  /** Every page of a search, on demand (`useInfiniteSearch(path, params)`). */
  useInfiniteSearch<TData = InfinitePages<Paginated<ResourceOf<P>>>>(
    params?: InfiniteSearchParamsOf<P>,
    options?: ClinikInfiniteQueryOptions<Paginated<ResourceOf<P>>, TData, ReturnType<ResourceKeys<P>['infiniteSearch']>>,
  ): UseInfiniteQueryResult<TData, ClinikApiError>;
  /** Creates a record, idempotently (`useCreateResource(path)`). */
  useCreate(
    options?: ClinikMutationOptions<ResourceOf<P>, CreateInput<P>>,
  ): UseMutationResult<ResourceOf<P>, ClinikApiError, CreateInput<P>>;
  /** Updates a record, conditionally on its version (`useUpdateResource(path)`). */
  useUpdate(
    options?: ClinikMutationOptions<ResourceOf<P>, UpdateVariables<P>>,
  ): UseMutationResult<ResourceOf<P>, ClinikApiError, UpdateVariables<P>>;
  /** Deletes a record (`useDeleteResource(path)`). */
  useDelete(options?: ClinikMutationOptions<void, DeleteVariables>): UseMutationResult<void, ClinikApiError, DeleteVariables>;
}

// One binder per hook, so a named hook (`usePatient`) that an app does not import is dropped by its bundler.

/** `useResource` bound to `path`. */
export const oneHook =
  <P extends ResourcePath>(path: P): ResourceHooks<P>['useOne'] =>
  (id, options) =>
    useResource(path, id, options);

/** `useSearch` bound to `path`. */
export const searchHook =
  <P extends ResourcePath>(path: P): ResourceHooks<P>['useSearch'] =>
  (params, options) =>
    useSearch(path, params, options);

/** `useInfiniteSearch` bound to `path`. */
export const infiniteSearchHook =
  <P extends ResourcePath>(path: P): ResourceHooks<P>['useInfiniteSearch'] =>
  (params, options) =>
    useInfiniteSearch(path, params, options);

/** `useCreateResource` bound to `path`. */
export const createHook =
  <P extends ResourcePath>(path: P): ResourceHooks<P>['useCreate'] =>
  (options) =>
    useCreateResource(path, options);

/** `useUpdateResource` bound to `path`. */
export const updateHook =
  <P extends ResourcePath>(path: P): ResourceHooks<P>['useUpdate'] =>
  (options) =>
    useUpdateResource(path, options);

/** `useDeleteResource` bound to `path`. */
export const deleteHook =
  <P extends ResourcePath>(path: P): ResourceHooks<P>['useDelete'] =>
  (options) =>
    useDeleteResource(path, options);

/**
 * The hooks of any path, bound to it — for the paths without a named family:
 * `const taskHooks = createResourceHooks('tasks')`, then `taskHooks.useSearch({ patientId })`. Call it once, at
 * module level.
 */
export function createResourceHooks<P extends ResourcePath>(path: P): ResourceHooks<P> {
  return {
    useOne: oneHook(path),
    useSearch: searchHook(path),
    useInfiniteSearch: infiniteSearchHook(path),
    useCreate: createHook(path),
    useUpdate: updateHook(path),
    useDelete: deleteHook(path),
  };
}
