/** Maps `<mount>/{resource}[/{id}]` to a catalogue entry; anything else is not part of the API. */
import { findResource } from '@clinikapi/core';
import { ProxyError } from './errors.ts';
import type { ResourceTarget } from './request-context.ts';

/** FHIR ids: letters, digits, `-` and `.`, at most 64. Anything else cannot name a record and is refused early. */
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

export function resolveTarget(pathname: string): ResourceTarget {
  const segments = pathname.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const [path, id, ...rest] = segments;
  const resource = path === undefined ? undefined : findResource(path);
  if (!resource || rest.length > 0 || (id !== undefined && (!ID_PATTERN.test(id) || id === '.' || id === '..'))) {
    throw new ProxyError('NOT_FOUND', 'No such resource path');
  }
  return { resource, id };
}
