/**
 * The webhook part of the store contract: endpoints, sub-organisations, and the delivery queue's claims — each
 * delivery claimed by one worker only, and due again when its lease ends. Called inside `describeStoreContract`.
 */
import { expect, it } from 'vitest';
import type { EmulatorStore, WebhookDelivery } from '../src/store/types.ts';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 15, 10, minute)).toISOString();

export function webhookStoreContract(store: () => EmulatorStore, newTenant: () => string): void {
  it('keeps sub-organisations, endpoints and their delivery queue, claimed once each and due again after the lease', async () => {
    const organisationId = newTenant();
    const subId = newTenant();
    await store().createOrganisation({ id: organisationId, name: 'Parent', plan: 'pro', region: 'us-east-1', createdAt: at(0) });
    await store().createOrganisation({
      id: subId,
      name: 'Branch',
      plan: 'pro',
      region: 'us-east-1',
      parentId: organisationId,
      createdAt: at(0),
    });
    expect((await store().findOrganisation(subId))?.parentId).toBe(organisationId);
    expect((await store().findOrganisation(organisationId))?.parentId).toBeUndefined();

    const webhook = (id: string, minute: number) => ({
      id: `${id}_${organisationId}`,
      organisationId,
      url: 'https://hooks.example.com/in',
      secret: 'whsec_0123456789abcdef',
      events: ['patient.*', 'lab.created'],
      environment: 'live' as const,
      subOrganisationId: id === 'wh_b' ? subId : null,
      createdAt: at(minute),
    });
    await store().insertWebhook(webhook('wh_b', 2));
    await store().insertWebhook(webhook('wh_a', 1));
    expect(await store().findWebhook(`wh_b_${organisationId}`)).toEqual(webhook('wh_b', 2));
    expect((await store().listWebhooks([organisationId, subId])).map((found) => found.id)).toEqual([
      `wh_a_${organisationId}`,
      `wh_b_${organisationId}`,
    ]);
    expect(await store().listWebhooks([subId])).toEqual([]);

    const delivery = (id: string, due: number, webhookId = `wh_a_${organisationId}`): WebhookDelivery => ({
      id: `${id}_${organisationId}`,
      webhookId,
      eventId: `evt_${id}`,
      event: 'patient.created',
      payload: '{"id":"evt"}',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at(due),
      lastStatus: null,
      lastError: null,
      createdAt: at(due),
      updatedAt: at(due),
    });
    await store().insertDeliveries([
      delivery('dlv_1', 10),
      delivery('dlv_2', 11),
      delivery('dlv_3', 30),
      delivery('dlv_4', 12, `wh_b_${organisationId}`),
    ]);
    expect(await store().nextDeliveryDue()).toBe(at(10));

    const claimed = await store().claimDueDeliveries(at(20), at(21), 10);
    expect(claimed.map((found) => found.id)).toEqual([`dlv_1_${organisationId}`, `dlv_2_${organisationId}`, `dlv_4_${organisationId}`]);
    expect(claimed.every((found) => found.nextAttemptAt === at(21))).toBe(true);
    // Leased: nobody else gets them until the lease ends — then they are due again (a worker that died).
    expect(await store().claimDueDeliveries(at(20), at(21), 10)).toEqual([]);
    const racing = await Promise.all(Array.from({ length: 6 }, () => store().claimDueDeliveries(at(25), at(40), 1)));
    expect(
      racing
        .flat()
        .map((found) => found.id)
        .sort(),
    ).toEqual([`dlv_1_${organisationId}`, `dlv_2_${organisationId}`, `dlv_4_${organisationId}`]);

    await store().updateDelivery(`dlv_1_${organisationId}`, {
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lastStatus: 204,
      lastError: null,
      updatedAt: at(26),
    });
    const listed = await store().listDeliveries(`wh_a_${organisationId}`, 10);
    expect(listed.map((found) => found.id)).toEqual([`dlv_3_${organisationId}`, `dlv_2_${organisationId}`, `dlv_1_${organisationId}`]);
    expect(listed[2]).toMatchObject({ status: 'delivered', attempts: 1, nextAttemptAt: null, lastStatus: 204 });
    expect(await store().listDeliveries(`wh_a_${organisationId}`, 1)).toHaveLength(1);

    expect(await store().deleteWebhook(`wh_a_${organisationId}`)).toBe(true);
    expect(await store().deleteWebhook(`wh_a_${organisationId}`)).toBe(false);
    expect(await store().listDeliveries(`wh_a_${organisationId}`, 10)).toEqual([]);
    expect(await store().deleteWebhook(`wh_b_${organisationId}`)).toBe(true);
    await expect(store().insertDeliveries([delivery('dlv_5', 10)])).rejects.toThrow();
  });
}
