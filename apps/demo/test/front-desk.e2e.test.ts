/**
 * The front desk's day in the demo: the same patient page a clinician has, but only what their role can use — as
 * the server says (the proxy's `/_access`, read by `ClinikProvider access="proxy"`). No clinical tab, no section
 * that can only say it could not be loaded, no "Try again" that can never succeed, and no request the proxy refuses.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookFirstFreeSlot, callFromPage, expectAccessible, signIn, type Session, withDemoSession } from './harness.ts';

let session: Session;
let page: Page;

withDemoSession({}, (started) => ({ session, page } = started));

const grid = () => page.getByRole('grid', { name: 'Patients' });
const DEAD_ENDS = /could not be loaded|Try again|not available to your account|do not have (access|permission)/i;

describe('the clinic, as the front desk', () => {
  it('is told by the server what it may do', async () => {
    await signIn(page, 'Sam Patel');
    const answer = await callFromPage(page, '_access');
    expect(answer.status).toBe(200);
    const { resources } = (JSON.parse(answer.body) as { data: { resources: Record<string, string[]> } }).data;
    expect(resources.patients).toEqual(expect.arrayContaining(['search', 'read', 'create', 'update']));
    expect(resources.appointments).toEqual(expect.arrayContaining(['search', 'create']));
    expect(resources.observations).toEqual([]);
    expect(resources.notes).toEqual([]);
  });

  it('opens a patient: only the tabs a front desk can use, and an overview without dead ends', async () => {
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('okafor');
    await grid().getByRole('rowheader', { name: 'Amara Okafor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor({ state: 'attached' });
    const tabs = page.getByRole('tablist', { name: 'Patient record' }).getByRole('tab');
    await tabs.first().waitFor();
    expect(await tabs.allTextContents()).toEqual(['Overview', 'Appointments']);

    const overview = page.getByRole('tabpanel', { name: 'Overview' });
    await overview.getByRole('region', { name: 'Upcoming appointments' }).waitFor();
    await overview.getByRole('heading', { level: 3, name: 'Amara Okafor' }).waitFor();
    for (const clinical of ['Latest vitals', 'Medications', 'Encounters', 'Lab results', 'Clinical notes', 'Allergies and conditions']) {
      expect(await overview.getByRole('region', { name: clinical }).count(), clinical).toBe(0);
    }
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(DEAD_ENDS);
    await expectAccessible(page, 'the front desk’s overview');
  });

  it('books an appointment from the Appointments tab', async () => {
    await page.getByRole('tab', { name: 'Appointments' }).click();
    await bookFirstFreeSlot(page, 9);
    expect(await page.locator('main').innerText()).not.toMatch(DEAD_ENDS);
    await expectAccessible(page, 'the front desk’s appointments tab');
  });

  it('sent no request the proxy refused, and raised no page error', async () => {
    const refused = (await session.responses()).filter((response) => response.url.includes('/api/clinik') && response.status === 403);
    expect(refused.map((response) => response.url)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
