/**
 * The delivery queue's worker. A committed write becomes one delivery per endpoint that wants it, stored in the same
 * store as the data; due deliveries are claimed (leased), sent, and marked delivered, retried on the documented
 * backoff (30 s, 2 min, 8 min, 32 min, 2 h, then failed) or refused for good when the destination is not routable.
 * At-least-once: a delivery whose worker stops mid-send is due again when its lease ends. Time is the injected
 * clock; servers send on a timer (`autoDeliver`), tests call `deliverDue()` after moving a fake clock.
 */
import type { EmulatorStore, WebhookDelivery } from '../store/types.ts';
import { checkDestinationUrl, lookupName, refuseAddress, type Refusal } from './destination.ts';
import { eventOf, environmentOf, newEventId, wants, type RecordChange } from './events.ts';
import { deliveryHeaders } from './signature.ts';

/** The documented backoff: the wait before each retry. After the last retry fails the delivery is failed. */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 480_000, 1_920_000, 7_200_000];
/** How long a claimed delivery is someone's: longer than a send may take. */
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
const BATCH = 16;

export interface OutgoingDelivery {
  readonly url: URL;
  /** The checked address to connect to: the name is never resolved again between the check and the connection. */
  readonly address: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/** How deliveries leave: DNS and one POST. Node's (`node/webhook-transport.ts`) pins the connection to `address`. */
export interface WebhookTransport {
  /** Every address `hostname` resolves to; rejects when it does not resolve. */
  resolve(hostname: string): Promise<readonly string[]>;
  /** One POST, no redirects followed; resolves with the status, rejects on a network failure or timeout. */
  send(delivery: OutgoingDelivery): Promise<{ readonly status: number }>;
}

export interface WebhookDispatcherOptions {
  readonly store: EmulatorStore;
  readonly now: () => number;
  /** Without one, deliveries are queued and logged but never sent. */
  readonly transport: WebhookTransport | undefined;
  readonly allowLoopback: boolean;
  /** Send due deliveries on a timer. False: only when `deliverDue()` is called. */
  readonly autoDeliver: boolean;
  readonly onError: (error: unknown) => void;
}

export interface WebhookDispatcher {
  /** Queues the change for every endpoint that wants it. Resolves once the deliveries are stored. */
  recordChange(change: RecordChange): Promise<void>;
  /** Sends every delivery due now, retries included; resolves with how many sends were made. */
  deliverDue(): Promise<number>;
  /** Stops the timer and abandons sends under way (their leases bring them back on the next start). */
  close(): void;
}

type Outcome =
  | { readonly kind: 'delivered'; readonly status: number }
  | { readonly kind: 'failed'; readonly status: number | null; readonly error: string }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

const randomId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { store, now, transport } = options;
  const rules = { allowLoopback: options.allowLoopback };
  const closing = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  async function attempt(delivery: WebhookDelivery, send: WebhookTransport): Promise<Outcome> {
    const webhook = await store.findWebhook(delivery.webhookId);
    if (!webhook) return { kind: 'refused', refusal: 'endpoint removed' };
    const checked = checkDestinationUrl(webhook.url, rules);
    if ('refusal' in checked) return { kind: 'refused', refusal: checked.refusal };
    let addresses: readonly string[];
    try {
      addresses = await send.resolve(lookupName(checked.url));
    } catch {
      return { kind: 'failed', status: null, error: 'host name did not resolve' };
    }
    if (addresses.length === 0) return { kind: 'failed', status: null, error: 'host name did not resolve' };
    // Every address is checked, not only the one used: a name that points anywhere internal is refused.
    const refused = addresses.map((address) => refuseAddress(address, rules)).find((refusal) => refusal !== undefined);
    if (refused) return { kind: 'refused', refusal: `host name resolves to a ${refused}` };
    const sentAt = now();
    const headers = await deliveryHeaders({
      secret: webhook.secret,
      body: delivery.payload,
      event: delivery.event,
      deliveryId: delivery.eventId,
      now: sentAt,
    });
    try {
      const { status } = await send.send({
        url: checked.url,
        address: addresses[0] as string,
        headers,
        body: delivery.payload,
        timeoutMs: SEND_TIMEOUT_MS,
        signal: closing.signal,
      });
      if (status >= 200 && status < 300) return { kind: 'delivered', status };
      return {
        kind: 'failed',
        status,
        error: status >= 300 && status < 400 ? `status ${status} (redirects are not followed)` : `status ${status}`,
      };
    } catch (error) {
      return {
        kind: 'failed',
        status: null,
        error: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'connection failed',
      };
    }
  }

  async function settle(delivery: WebhookDelivery, outcome: Outcome): Promise<void> {
    const attempts = delivery.attempts + 1;
    const updatedAt = new Date(now()).toISOString();
    if (outcome.kind === 'delivered') {
      await store.updateDelivery(delivery.id, {
        status: 'delivered',
        attempts,
        nextAttemptAt: null,
        lastStatus: outcome.status,
        lastError: null,
        updatedAt,
      });
    } else if (outcome.kind === 'refused') {
      // The address will not become routable on its own: not retried.
      await store.updateDelivery(delivery.id, {
        status: 'refused',
        attempts,
        nextAttemptAt: null,
        lastStatus: null,
        lastError: `refused: ${outcome.refusal}`,
        updatedAt,
      });
    } else {
      const delay = RETRY_DELAYS_MS[attempts - 1];
      await store.updateDelivery(delivery.id, {
        status: delay === undefined ? 'failed' : 'pending',
        attempts,
        nextAttemptAt: delay === undefined ? null : new Date(now() + delay).toISOString(),
        lastStatus: outcome.status,
        lastError: outcome.error,
        updatedAt,
      });
    }
  }

  async function drain(send: WebhookTransport): Promise<number> {
    let sent = 0;
    try {
      for (;;) {
        const at = now();
        const due = await store.claimDueDeliveries(new Date(at).toISOString(), new Date(at + LEASE_MS).toISOString(), BATCH);
        if (due.length === 0 || closing.signal.aborted) return sent;
        await Promise.all(
          due.map(async (delivery) => {
            const outcome = await attempt(delivery, send);
            if (closing.signal.aborted) return;
            sent += 1;
            await settle(delivery, outcome);
          }),
        );
      }
    } catch (error) {
      // Closing mid-send: the store may be gone; the leases bring these deliveries back on the next start.
      if (closing.signal.aborted) return sent;
      throw error;
    }
  }

  function deliverDue(): Promise<number> {
    if (!transport || closing.signal.aborted) return Promise.resolve(0);
    if (running) {
      again = true;
      return running;
    }
    running = drain(transport).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule(0);
      } else schedule();
    });
    return running;
  }

  /** Wakes the worker `delay` ms from now, or when the earliest pending delivery falls due (checked at least each minute). */
  function schedule(delay?: number): void {
    if (!options.autoDeliver || !transport || closing.signal.aborted) return;
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void deliverDue().catch(options.onError), Math.max(0, Math.min(ms, 60_000)));
      timer.unref?.();
    };
    if (delay !== undefined) return arm(delay);
    store.nextDeliveryDue().then((due) => due !== undefined && arm(Date.parse(due) - now()), options.onError);
  }
  schedule();

  return {
    async recordChange(change) {
      const organisation = await store.findOrganisation(change.tenant);
      const owners = organisation?.parentId ? [change.tenant, organisation.parentId] : [change.tenant];
      const at = now();
      const event = eventOf(change, newEventId(at), at);
      const environment = environmentOf(change.datastore);
      const receivers = (await store.listWebhooks(owners)).filter((webhook) => wants(webhook, event.event, environment, change.tenant));
      if (receivers.length === 0) return;
      const payload = JSON.stringify(event);
      const createdAt = new Date(at).toISOString();
      await store.insertDeliveries(
        receivers.map((webhook) => ({
          id: randomId('dlv'),
          webhookId: webhook.id,
          eventId: event.id,
          event: event.event,
          payload,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: createdAt,
          lastStatus: null,
          lastError: null,
          createdAt,
          updatedAt: createdAt,
        })),
      );
      schedule(0);
    },
    deliverDue,
    close() {
      clearTimeout(timer);
      closing.abort();
    },
  };
}
