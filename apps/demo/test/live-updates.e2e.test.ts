/**
 * Live updates in the demo, in four browsers at once: Dr. Lin records Amara Okafor's vitals, and Amara's portal —
 * open in another browser — shows them without a reload. The front desk's browser is told of patient records and
 * never of clinical ones; Benjamin Hartley's is told of his own record and never of Amara's. What each browser is
 * told is read from its own event stream, as the page's `LiveUpdates` reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFromPage, expectAccessible, signIn, startDemoUnderTest, type DemoUnderTest } from './harness.ts';

interface Told {
  readonly event: string;
  readonly resourceType?: string;
  readonly id?: string;
  readonly action?: string;
  readonly patientIds?: string[];
}

let target: DemoUnderTest;
const contexts: BrowserContext[] = [];
let clinician: Page;
let amaraPortal: Page;
let frontDesk: Page;
let benjaminPortal: Page;
let amara: string;
let benjamin: string;

async function signedIn(name: string): Promise<Page> {
  const context = await target.browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(target.demo.url);
  await signIn(page, name);
  return page;
}

/** Opens a second event stream in the page, as the user, and keeps what it is told in `window.told`. */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const told: Told[] = [];
    (window as unknown as { told: Told[] }).told = told;
    void (async () => {
      const response = await fetch('/api/clinik/events', { headers: { accept: 'text/event-stream' } });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) told.push({ event, ...(event === 'change' && data ? (JSON.parse(data) as object) : {}) });
        }
      }
    })();
  });
  await expect.poll(() => toldIn(page).then((told) => told.some((entry) => entry.event === 'ready'))).toBe(true);
}

const toldIn = (page: Page): Promise<Told[]> => page.evaluate(() => (window as unknown as { told: Told[] }).told);

/** Changes a patient's phone as the clinician: a change of a patient record, which the front desk may see. */
const touchPatient = (patientId: string, phone: string) =>
  callFromPage(clinician, `patients/${patientId}`, { method: 'PATCH', body: { phone } });

beforeAll(async () => {
  target = await startDemoUnderTest();
  amara = target.portalPatients.user_amara_okafor as string;
  benjamin = target.portalPatients.user_benjamin_hartley as string;
  const pages = await Promise.all(['Dr. Grace Lin', 'Amara Okafor', 'Sam Patel', 'Benjamin Hartley'].map(signedIn));
  [clinician, amaraPortal, frontDesk, benjaminPortal] = pages as [Page, Page, Page, Page];
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await target?.stop();
});

describe('live updates across browsers', () => {
  it('shows the vitals a clinician records on the patient’s portal, without a reload', async () => {
    await amaraPortal.getByRole('heading', { level: 1, name: 'My record' }).waitFor();
    const vitals = amaraPortal.getByRole('region', { name: 'Latest vitals' });
    await vitals.waitFor();
    await expect.poll(() => vitals.textContent()).not.toContain('131');
    // Marks this document: a reload would lose it.
    await amaraPortal.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await Promise.all([listen(frontDesk), listen(benjaminPortal)]);

    await clinician.getByRole('searchbox', { name: 'Search patients' }).fill('okafor');
    await clinician.getByRole('grid', { name: 'Patients' }).getByRole('rowheader', { name: 'Amara Okafor' }).click();
    await clinician.getByRole('tab', { name: 'Vitals' }).click();
    const form = clinician.getByRole('form', { name: 'Record vitals' });
    await form.getByRole('textbox', { name: /Heart rate/ }).fill('131');
    await form.getByRole('button', { name: 'Record vitals', exact: true }).click();
    await form
      .getByRole('status')
      .filter({ hasText: /Heart rate \(High\)/ })
      .waitFor();

    await expect.poll(() => vitals.textContent(), { timeout: 15_000 }).toContain('131');
    expect(await amaraPortal.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await expectAccessible(amaraPortal, 'the portal, updated live');
  });

  it('never tells the front desk of a clinical record, and tells it of patient records', async () => {
    await touchPatient(amara, '+44 20 7946 0100');
    await expect
      .poll(async () => (await toldIn(frontDesk)).some((told) => told.resourceType === 'Patient' && told.id === amara))
      .toBe(true);
    const told = await toldIn(frontDesk);
    expect(told.filter((entry) => entry.event === 'change').map((entry) => entry.resourceType)).not.toContain('Observation');
  });

  it('never tells a patient of another patient’s records', async () => {
    await touchPatient(benjamin, '+44 20 7946 0101');
    await expect.poll(async () => (await toldIn(benjaminPortal)).some((told) => told.id === benjamin)).toBe(true);
    const changes = (await toldIn(benjaminPortal)).filter((entry) => entry.event === 'change');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.patientIds?.length === 1 && change.patientIds[0] === benjamin)).toBe(true);
    expect(changes.some((change) => change.id === amara || change.resourceType === 'Observation')).toBe(false);
  });

  it('audits who was told about which patient’s record, never what it says', () => {
    const lines = readFileSync(join(target.dataDir, 'audit.ndjson'), 'utf8').trim().split('\n');
    const deliveries = lines
      .map(
        (line) =>
          JSON.parse(line) as { msg: string; audit: { kind?: string; resourceType?: string; patientIds?: string[]; userIds?: string[] } },
      )
      .filter((line) => line.msg === 'clinikapi.proxy.live' && line.audit.kind === 'delivery' && line.audit.resourceType === 'Observation')
      .map((line) => line.audit);
    expect(deliveries.length).toBeGreaterThan(0);
    for (const delivery of deliveries) {
      expect(delivery.patientIds).toEqual([amara]);
      expect(delivery.userIds).toEqual(expect.arrayContaining(['user_grace_lin', 'user_amara_okafor']));
      expect(delivery.userIds).not.toContain('user_sam_patel');
      expect(delivery.userIds).not.toContain('user_benjamin_hartley');
    }
    // Ids and names of things, never a record's words or values.
    expect(lines.join('\n')).not.toMatch(/Heart rate|valueQuantity|Okafor|Hartley/);
  });
});
