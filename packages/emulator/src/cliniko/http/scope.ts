/** What every request handler gets: who is calling, on which account, the links base, the time, the behaviours. */
import type { ClinikoAccount, ClinikoStore, StoredRecord } from '../store/types.ts';
import type { Links } from './links.ts';

/** The behaviours Cliniko leaves undocumented, as options (defaults in `behaviour.ts`). */
export interface ClinikoBehaviour {
  /**
   * `allow` (Cliniko's, per its maintainers): overlapping appointments are created and reported by `…/conflicts`.
   * `refuse`: a booking that overlaps another appointment of the practitioner is a 422 — one of two racing bookings wins.
   */
  readonly doubleBooking: 'allow' | 'refuse';
  /** Refuse a bad `q[]` condition with a 400 (default) rather than ignore it. */
  readonly strictFilters: boolean;
  /** Also refuse a User-Agent without a `(contact@email)`, which Cliniko only says "may be blocked". */
  readonly requireUserAgentEmail: boolean;
  /** The status for a refused User-Agent (Cliniko's is undocumented); 403 by default. */
  readonly userAgentStatus: number;
  /** Minutes between offered start times; the appointment type's duration when unset. */
  readonly slotStepMinutes: number | undefined;
  /** Requests per minute per user (200 documented). */
  readonly requestsPerMinute: number;
}

export interface RequestScope {
  readonly store: ClinikoStore;
  readonly account: ClinikoAccount;
  readonly user: StoredRecord;
  readonly links: Links;
  /** The request URL as received (for pagination links). */
  readonly url: URL;
  /** "Now" for this request, in epoch milliseconds (the injected clock). */
  readonly now: number;
  readonly behaviour: ClinikoBehaviour;
}

export interface ClinikoEnv {
  Variables: {
    scope: RequestScope;
  };
}
