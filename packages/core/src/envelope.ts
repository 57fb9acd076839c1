/** The shapes every ClinikAPI response is wrapped in. */

/** Metadata returned with every successful response. */
export interface ResponseMeta {
  /** Correlates the response with server logs; quote it in support requests. */
  readonly requestId: string;
  /** ISO 8601 time the response was produced. */
  readonly timestamp: string;
  /** The HTTP status, repeated for clients that only see the body. */
  readonly status: number;
  /** Requests allowed per rate-limit window. */
  readonly rateLimitTotal?: number;
  /** Requests left in the current window. */
  readonly rateLimitRemaining?: number;
  /** Seconds until the window resets. */
  readonly rateLimitReset?: number;
}

/** `{ data, meta }`: the envelope of every successful response. */
export interface ApiResponse<T> {
  readonly data: T;
  readonly meta: ResponseMeta;
}

/** One page of a search: `{ data: [...], total, cursor, hasMore }`. */
export interface Paginated<T> {
  readonly data: readonly T[];
  /** Number of matches across all pages. */
  readonly total: number;
  /** Opaque position to pass back as `cursor` for the next page; absent on the last page. */
  readonly cursor?: string;
  /** True when another page follows. */
  readonly hasMore: boolean;
}

/** Paging parameters every search endpoint accepts. */
export interface PageParams {
  /** Page size: default 20, at most 100. */
  readonly count?: number;
  /** The `cursor` of the previous page. */
  readonly cursor?: string;
}

/** Default and maximum page sizes of every search endpoint. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;
