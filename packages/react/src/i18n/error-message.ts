/** The sentence to show a person for an error, from the message catalogue; never the server's raw text. */
import type { ClinikApiError } from '../client/errors.ts';
import type { Messages } from './messages.ts';

export function errorMessage(error: ClinikApiError | null | undefined, messages: Pick<Messages, 'errors'>): string {
  if (!error) return messages.errors.generic;
  if (error.code === 'TIMEOUT') return messages.errors.timeout;
  if (error.status === 0) return messages.errors.network;
  if (error.status === 401) return messages.errors.unauthorized;
  if (error.status === 403) return messages.errors.forbidden;
  if (error.status === 404) return messages.errors.notFound;
  if (error.status === 409 || error.status === 412) return messages.errors.conflict;
  if (error.status === 422) return messages.errors.validation;
  if (error.status === 429) return messages.errors.rateLimited;
  if (error.status >= 500) return messages.errors.server;
  return messages.errors.generic;
}
