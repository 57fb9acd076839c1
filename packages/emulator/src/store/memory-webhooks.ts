/** Webhook endpoints and the delivery queue in memory: the memory store's `WebhookStore`, with the SQL one's rules. */
import type { WebhookDelivery, WebhookRecord, WebhookStore } from './types.ts';

const byCreation = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1;

/** The memory store's webhook tables; `clear` empties them when the store closes. */
export function memoryWebhookStore(): WebhookStore & { clear(): void } {
  const webhooks = new Map<string, WebhookRecord>();
  const deliveries = new Map<string, WebhookDelivery>();
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    async insertWebhook(webhook) {
      if (webhooks.has(webhook.id)) throw new Error(`Webhook ${webhook.id} already exists`);
      webhooks.set(webhook.id, copy(webhook));
    },
    async findWebhook(id) {
      return copy(webhooks.get(id));
    },
    async listWebhooks(organisationIds) {
      return copy([...webhooks.values()].filter((webhook) => organisationIds.includes(webhook.organisationId)).sort(byCreation));
    },
    async deleteWebhook(id) {
      if (!webhooks.delete(id)) return false;
      for (const [key, delivery] of deliveries) if (delivery.webhookId === id) deliveries.delete(key);
      return true;
    },
    async insertDeliveries(entries) {
      for (const entry of entries) {
        if (!webhooks.has(entry.webhookId)) throw new Error(`No webhook ${entry.webhookId}`);
        if (deliveries.has(entry.id)) throw new Error(`Delivery ${entry.id} already exists`);
      }
      for (const entry of entries) deliveries.set(entry.id, copy(entry));
    },
    async claimDueDeliveries(now, leaseUntil, limit) {
      // No await before the last write: the claim is one step, as the SQL store's single statement is.
      const due = [...deliveries.values()]
        .filter((delivery) => delivery.status === 'pending' && delivery.nextAttemptAt !== null && delivery.nextAttemptAt <= now)
        .sort((a, b) =>
          (a.nextAttemptAt as string) === b.nextAttemptAt
            ? a.id < b.id
              ? -1
              : 1
            : (a.nextAttemptAt as string) < (b.nextAttemptAt as string)
              ? -1
              : 1,
        )
        .slice(0, limit)
        .map((delivery) => ({ ...delivery, nextAttemptAt: leaseUntil }));
      for (const delivery of due) deliveries.set(delivery.id, delivery);
      return copy(due.sort(byCreation));
    },
    async updateDelivery(id, update) {
      const delivery = deliveries.get(id);
      if (delivery) deliveries.set(id, { ...delivery, ...copy(update) });
    },
    async listDeliveries(webhookId, limit) {
      return copy(
        [...deliveries.values()]
          .filter((delivery) => delivery.webhookId === webhookId)
          .sort((a, b) => byCreation(b, a))
          .slice(0, limit),
      );
    },
    async nextDeliveryDue() {
      let earliest: string | undefined;
      for (const delivery of deliveries.values()) {
        if (
          delivery.status === 'pending' &&
          delivery.nextAttemptAt !== null &&
          (earliest === undefined || delivery.nextAttemptAt < earliest)
        ) {
          earliest = delivery.nextAttemptAt;
        }
      }
      return earliest;
    },
    clear() {
      webhooks.clear();
      deliveries.clear();
    },
  };
}
