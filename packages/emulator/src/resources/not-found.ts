import { ApiError } from '@clinikapi/core';

/** A 404 that looks exactly the same whether the record never existed or belongs to another tenant. */
export function notFound(resourceType: string): ApiError {
  return new ApiError('NOT_FOUND', `${resourceType} not found`);
}
