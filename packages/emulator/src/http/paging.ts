/** `count` and `cursor`: validated strictly so a client bug shows up against the emulator, not in production. */
import { ApiError, PAGE_SIZE, type Paginated } from '@clinikapi/core';
import type { Page } from '../store/types.ts';

const CURSOR_PREFIX = 'o:';

const encodeCursor = (offset: number): string =>
  btoa(`${CURSOR_PREFIX}${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function decodeCursor(cursor: string): number {
  let decoded: string;
  try {
    decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    decoded = '';
  }
  const offset = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new ApiError('BAD_REQUEST', 'cursor is not one this API returned', {
      issues: [{ severity: 'error', code: 'invalid', diagnostics: 'cursor: Invalid cursor', path: 'cursor' }],
    });
  }
  return offset;
}

export function parsePage(query: URLSearchParams): Page {
  const rawCount = query.get('count');
  const count = rawCount === null ? PAGE_SIZE.default : Number(rawCount);
  if (!Number.isInteger(count) || count < 1 || count > PAGE_SIZE.max) {
    throw new ApiError('BAD_REQUEST', `count must be an integer from 1 to ${PAGE_SIZE.max}`, {
      issues: [{ severity: 'error', code: 'invalid', diagnostics: `count: Must be an integer from 1 to ${PAGE_SIZE.max}`, path: 'count' }],
    });
  }
  const cursor = query.get('cursor');
  return { offset: cursor ? decodeCursor(cursor) : 0, limit: count };
}

export function pageOf<T>(items: readonly T[], total: number, page: Page): Paginated<T> {
  const next = page.offset + items.length;
  const hasMore = next < total;
  return hasMore ? { data: items, total, cursor: encodeCursor(next), hasMore } : { data: items, total, hasMore };
}
