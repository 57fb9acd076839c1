/**
 * What a widget's headless hook says about the patient's existing records of its kind — loading, failed, refused,
 * none, or some — so a skin (`ui/States/RecordsSection.tsx`, or the app's own) only has to show it.
 */
import type { ClinikApiError } from '../client/errors.ts';

/** `forbidden`: the user may not read these records (known up front, or from a 403) — terminal, nothing to retry. */
export type RecordsStatus = 'loading' | 'error' | 'forbidden' | 'empty' | 'ready';

/** What a widget's headless hook says about its records. */
export interface RecordsState {
  readonly recordsStatus: RecordsStatus;
  readonly recordsError: ClinikApiError | null;
  readonly retryRecords: () => void;
}

/** The part of a records query (react-query's result) the section needs. */
interface RecordsQuery {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: ClinikApiError | null;
  refetch(): Promise<unknown>;
}

/**
 * A records query seen as the section shows it: `empty` when it succeeded with nothing to list (`count`),
 * `forbidden` when `readable` is false (the user's access says so; the query is then not even sent) or it was
 * refused with 403.
 */
export function recordsStateOf(query: RecordsQuery, count: number, readable?: boolean): RecordsState {
  let recordsStatus: RecordsStatus = count === 0 ? 'empty' : 'ready';
  if (readable === false || query.error?.status === 403) recordsStatus = 'forbidden';
  else if (query.isPending) recordsStatus = 'loading';
  else if (query.isError) recordsStatus = 'error';
  return { recordsStatus, recordsError: query.error, retryRecords: () => void query.refetch() };
}
