/** Webhook endpoints and the delivery queue in PostgreSQL (PGlite or a server): the SQL store's `WebhookStore`. */
import type { SqlClient } from './sql-client.ts';
import { placeholders } from './sql-rows.ts';
import type { DeliveryStatus, WebhookDelivery, WebhookEnvironmentFilter, WebhookRecord, WebhookStore } from './types.ts';

interface WebhookRow {
  id: string;
  organisation_id: string;
  url: string;
  secret: string;
  events: string[];
  environment: string;
  sub_organisation_id: string | null;
  created_at: string;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

const WEBHOOK_COLUMNS = 'id, organisation_id, url, secret, events, environment, sub_organisation_id, created_at';
const DELIVERY_COLUMNS =
  'id, webhook_id, event_id, event, payload, status, attempts, next_attempt_at, last_status, last_error, created_at, updated_at';

const toWebhook = (row: WebhookRow): WebhookRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  url: row.url,
  secret: row.secret,
  events: row.events,
  environment: row.environment as WebhookEnvironmentFilter,
  subOrganisationId: row.sub_organisation_id,
  createdAt: row.created_at,
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventId: row.event_id,
  event: row.event,
  payload: row.payload,
  status: row.status as DeliveryStatus,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const deliveryValues = (delivery: WebhookDelivery): unknown[] => [
  delivery.id,
  delivery.webhookId,
  delivery.eventId,
  delivery.event,
  delivery.payload,
  delivery.status,
  delivery.attempts,
  delivery.nextAttemptAt,
  delivery.lastStatus,
  delivery.lastError,
  delivery.createdAt,
  delivery.updatedAt,
];

export function sqlWebhookStore(client: SqlClient): WebhookStore {
  return {
    async insertWebhook(webhook) {
      await client.query(`insert into webhooks (${WEBHOOK_COLUMNS}) values ${placeholders(1, 8)}`, [
        webhook.id,
        webhook.organisationId,
        webhook.url,
        webhook.secret,
        webhook.events,
        webhook.environment,
        webhook.subOrganisationId,
        webhook.createdAt,
      ]);
    },
    async findWebhook(id) {
      const { rows } = await client.query<WebhookRow>(`select ${WEBHOOK_COLUMNS} from webhooks where id = $1`, [id]);
      return rows[0] && toWebhook(rows[0]);
    },
    async listWebhooks(organisationIds) {
      const { rows } = await client.query<WebhookRow>(
        `select ${WEBHOOK_COLUMNS} from webhooks where organisation_id = any($1) order by created_at collate "C", id collate "C"`,
        [organisationIds],
      );
      return rows.map(toWebhook);
    },
    async deleteWebhook(id) {
      const { rows } = await client.query<{ id: string }>('delete from webhooks where id = $1 returning id', [id]);
      return rows.length > 0;
    },
    async insertDeliveries(deliveries) {
      if (deliveries.length === 0) return;
      await client.query(
        `insert into webhook_deliveries (${DELIVERY_COLUMNS}) values ${placeholders(deliveries.length, 12)}`,
        deliveries.flatMap(deliveryValues),
      );
    },
    async claimDueDeliveries(now, leaseUntil, limit) {
      // `skip locked`: concurrent workers (several processes on one server) each take different deliveries.
      const { rows } = await client.query<DeliveryRow>(
        `update webhook_deliveries set next_attempt_at = $2
          where id in (select id from webhook_deliveries
                        where status = 'pending' and next_attempt_at collate "C" <= $1
                        order by next_attempt_at collate "C", id limit $3 for update skip locked)
      returning ${DELIVERY_COLUMNS}`,
        [now, leaseUntil, limit],
      );
      return rows
        .map(toDelivery)
        .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
    },
    async updateDelivery(id, update) {
      await client.query(
        `update webhook_deliveries set status = $2, attempts = $3, next_attempt_at = $4, last_status = $5, last_error = $6, updated_at = $7
          where id = $1`,
        [id, update.status, update.attempts, update.nextAttemptAt, update.lastStatus, update.lastError, update.updatedAt],
      );
    },
    async listDeliveries(webhookId, limit) {
      const { rows } = await client.query<DeliveryRow>(
        `select ${DELIVERY_COLUMNS} from webhook_deliveries where webhook_id = $1 order by created_at collate "C" desc, id desc limit $2`,
        [webhookId, limit],
      );
      return rows.map(toDelivery);
    },
    async nextDeliveryDue() {
      const { rows } = await client.query<{ due: string | null }>(
        `select min(next_attempt_at collate "C") as due from webhook_deliveries where status = 'pending'`,
      );
      return rows[0]?.due ?? undefined;
    },
  };
}
