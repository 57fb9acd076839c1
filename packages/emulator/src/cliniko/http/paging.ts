/**
 * `page` (from 1) and `per_page` (default 50, at most 100), and the list body: the records of the page,
 * `total_entries` over all matches, and absolute `self`/`next`/`previous` links that keep every query parameter
 * (repeated `q[]` included) and set `page` — and `per_page` when the client sent one.
 */
import { badQuery } from '../errors.ts';

const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 100;

export interface Paging {
  readonly page: number;
  readonly perPage: number;
  readonly perPageSent: boolean;
}

const POSITIVE = /^[1-9]\d{0,8}$/;

/** Our choice: `per_page` above 100 is read as 100; a page past the end is empty; anything not a number is a 400. */
export function pagingOf(url: URL): Paging {
  const page = url.searchParams.get('page');
  const perPage = url.searchParams.get('per_page');
  if (page !== null && !POSITIVE.test(page)) throw badQuery('page', 'must be a whole number from 1');
  if (perPage !== null && !POSITIVE.test(perPage)) throw badQuery('per_page', 'must be a whole number from 1 to 100');
  return {
    page: page === null ? 1 : Number(page),
    perPage: perPage === null ? DEFAULT_PER_PAGE : Math.min(Number(perPage), MAX_PER_PAGE),
    perPageSent: perPage !== null,
  };
}

function pageUrl(url: URL, paging: Paging, page: number): string {
  const params = new URLSearchParams();
  let pageSet = false;
  let perPageSet = false;
  for (const [name, value] of url.searchParams) {
    if (name === 'page') {
      if (!pageSet) params.append('page', String(page));
      pageSet = true;
    } else if (name === 'per_page') {
      if (!perPageSet) params.append('per_page', String(paging.perPage));
      perPageSet = true;
    } else {
      params.append(name, value);
    }
  }
  if (!pageSet) params.append('page', String(page));
  if (paging.perPageSent && !perPageSet) params.append('per_page', String(paging.perPage));
  return `${url.origin}${url.pathname}?${params.toString()}`;
}

export interface PageLinks {
  readonly self: string;
  readonly next?: string;
  readonly previous?: string;
}

export function pageLinks(url: URL, paging: Paging, total: number): PageLinks {
  return {
    self: pageUrl(url, paging, paging.page),
    ...(paging.page * paging.perPage < total ? { next: pageUrl(url, paging, paging.page + 1) } : {}),
    ...(paging.page > 1 ? { previous: pageUrl(url, paging, paging.page - 1) } : {}),
  };
}

/** The records of the requested page. */
export function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.page - 1) * paging.perPage;
  return items.slice(start, start + paging.perPage);
}
