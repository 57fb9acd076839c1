/**
 * The live routes' audit trail, beside the one record per request: who subscribed and for how long, each webhook the
 * proxy accepted, and for each change who was told about which patient's record — ids and names only, never what
 * the record says (the proxy never has it: it keeps only a record's patient link).
 */
import type { Logger } from 'pino';

export const LIVE_AUDIT_MESSAGE = 'clinikapi.proxy.live';

export type LiveAuditRecord =
  | {
      readonly kind: 'subscribe';
      readonly streamId: string;
      readonly requestId: string;
      readonly userId: string;
      readonly roles: readonly string[];
      /** The `Last-Event-ID` the stream resumed from, if any. */
      readonly resumedFrom: string | null;
      readonly replayed: number;
      /** True when the id was too old to resume from: the client was told to refetch. */
      readonly reset: boolean;
    }
  | {
      readonly kind: 'unsubscribe';
      readonly streamId: string;
      readonly userId: string;
      /** `client-closed`, `session-ended` or `user-changed`. */
      readonly reason: string;
      readonly durationMs: number;
      readonly delivered: number;
    }
  | {
      readonly kind: 'webhook';
      readonly requestId: string;
      readonly eventId: string;
      readonly event: string;
      readonly resourceId: string;
      readonly tenantId: string;
      readonly environment: string;
      /** `accepted`, `duplicate`, `ignored:environment`, `ignored:tenant` or `ignored:unknown-resource`. */
      readonly outcome: string;
    }
  | {
      readonly kind: 'delivery';
      readonly eventId: string;
      readonly resourceType: string;
      readonly resourceId: string;
      readonly action: string;
      /** Whose record it is (as far as the proxy could tell). */
      readonly patientIds: readonly string[];
      /** Everyone who was told, each once however many streams they hold. */
      readonly userIds: readonly string[];
      readonly streams: number;
      /** Told on resumption (`Last-Event-ID`) rather than as it happened. */
      readonly replay: boolean;
    };

export function writeLiveAudit(logger: Logger, record: LiveAuditRecord): void {
  try {
    logger.info({ audit: record }, LIVE_AUDIT_MESSAGE);
  } catch {
    // A failing logger must not end a stream or drop an event for everyone else.
  }
}
