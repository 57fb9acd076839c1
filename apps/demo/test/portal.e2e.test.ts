/**
 * The patient portal, as a patient runs it — and as a curious patient attacks it. Amara Okafor signs in, keyboard
 * only, signs a consent, books an appointment and answers the intake form; then tries to reach Benjamin Hartley's
 * record by editing the URL, the query string and request bodies. The UI never offers his data, but what these tests
 * prove is that the proxy's patient-compartment policy refuses it whatever the browser sends.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  bookFirstFreeSlot,
  callFromPage,
  expectAccessible,
  expectNoKeyIn,
  screenshot,
  SCREENSHOT_DAY,
  type DemoUnderTest,
  type Session,
  withDemoSession,
} from './harness.ts';

let target: DemoUnderTest;
let session: Session;
let page: Page;
let amara: string;
let benjamin: string;

withDemoSession({ today: SCREENSHOT_DAY }, (started) => {
  ({ target, session, page } = started);
  amara = target.portalPatients.user_amara_okafor as string;
  benjamin = target.portalPatients.user_benjamin_hartley as string;
});

/** Presses Tab until `locator` has focus, as a keyboard user would; fails if it is not reachable. */
async function tabTo(locator: Locator, maxPresses = 60): Promise<void> {
  const handle = await locator.elementHandle();
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
  }
  throw new Error(`Not reachable with Tab: ${String(locator)}`);
}

/** Reads from the emulator directly (Node side, with the key): what exists, to aim the attacks at. */
async function recordsOf(path: string, patientId: string): Promise<{ id: string }[]> {
  const response = await fetch(`${target.demo.emulatorUrl}/v1/${path}?patientId=${patientId}`, { headers: { 'x-api-key': target.apiKey } });
  const body = await response.text();
  if (!response.ok) throw new Error(`The emulator answered ${response.status}: ${body}`);
  return (JSON.parse(body) as { data: { data: { id: string }[] } }).data.data;
}

describe('the portal, as a patient', () => {
  it('signs in and signs a consent with the keyboard alone', async () => {
    await tabTo(page.getByRole('button', { name: 'Sign in as Amara Okafor' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();

    await tabTo(page.getByRole('link', { name: 'Consents' }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Record a consent' });
    await form.waitFor();
    await tabTo(form.getByRole('radio', { name: /^Privacy/ }));
    await page.keyboard.press('Space');
    await expect.poll(() => form.getByRole('radio', { name: /^Privacy/ }).isChecked()).toBe(true);
    // Category and policy are choices, named in words: a native list picks an option as its name is typed.
    await tabTo(form.getByRole('combobox', { name: /^Category/ }));
    await page.keyboard.type('HIPAA privacy');
    await expect.poll(() => form.getByRole('combobox', { name: /^Category/ }).inputValue()).toBe('hipaa-notice');
    await tabTo(form.getByRole('combobox', { name: /^Policy/ }));
    await page.keyboard.type('HIPAA authorization');
    await expect.poll(() => form.getByRole('combobox', { name: /^Policy/ }).inputValue()).toBe('hipaa-auth');
    // The signature tabs are one stop (roving focus): arrive on the selected one, move with the arrow keys.
    await tabTo(form.getByRole('tab', { selected: true }));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => form.getByRole('tab', { name: 'Type your name' }).getAttribute('aria-selected')).toBe('true');
    await tabTo(form.getByRole('textbox', { name: 'Full name' }));
    await page.keyboard.type('Amara Okafor');
    await tabTo(form.getByRole('button', { name: 'Sign consent' }));
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'Consent signed and in force.' }).waitFor();
    await expectAccessible(page, 'the portal’s consents');
  });

  it('sees their own record, and nobody else’s', async () => {
    await page.getByRole('link', { name: 'My record' }).click();
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();
    await page.getByText('Amara Okafor').first().waitFor();
    await page.getByText('Penicillin').first().waitFor();
    await expect.poll(() => page.getByText('Benjamin Hartley').count()).toBe(0);
    await expectAccessible(page, 'the portal’s record');
    await screenshot(page, 'portal-record');
  });

  it('books an appointment', async () => {
    await page.getByRole('link', { name: 'Appointments' }).click();
    await bookFirstFreeSlot(page, 14);
    await expectAccessible(page, 'the portal’s appointments');
  });

  it('answers the intake form across its pages', async () => {
    await page.getByRole('link', { name: 'Intake form' }).click();
    const form = page.getByRole('form', { name: 'Patient intake' });
    await form.getByRole('textbox', { name: /main reason/ }).fill('Headaches in the morning');
    await form.getByRole('textbox', { name: /pain level/ }).fill('4');
    await form.getByRole('button', { name: 'Next' }).click();
    await form.getByRole('heading', { level: 3, name: 'Your health' }).waitFor();
    await form
      .getByRole('radiogroup', { name: /allergies\?/ })
      .getByRole('radio', { name: 'No' })
      .check();
    await form.getByRole('button', { name: 'Next' }).click();
    await form.getByRole('heading', { level: 3, name: 'About you' }).waitFor();
    await expectAccessible(page, 'the portal’s intake form');
    await form.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    const [stored] = (await recordsOf('intakes', amara)) as unknown as { status: string }[];
    expect(stored?.status).toBe('completed');
  });

  it('cannot reach another patient by editing the URL', async () => {
    // The portal has no route that takes a patient id: a clinician's URL is simply not a page here.
    await page.goto(`${target.demo.url}/patients/${benjamin}`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect.poll(() => page.getByText('Benjamin Hartley').count()).toBe(0);
  });

  it('cannot read another patient’s records by id, by query string or through includes', async () => {
    const [theirVisit] = await recordsOf('appointments', benjamin);
    expect(theirVisit, 'the demo books a visit for Benjamin').toBeDefined();
    const notFound = [
      `patients/${benjamin}`,
      `appointments/${theirVisit?.id}`,
      `observations?patientId=${benjamin}`,
      `patients/${benjamin}?_revinclude=Observation:subject`,
    ];
    for (const path of notFound) {
      const answer = await callFromPage(page, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.body).not.toContain('Hartley');
    }
    // A search without a patient is confined to the caller's own.
    const own = await callFromPage(page, 'allergies');
    expect(own.status).toBe(200);
    const { data } = (JSON.parse(own.body) as { data: { data: { patient: { reference: string } }[] } }).data;
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((entry) => entry.patient.reference))).toEqual(new Set([`Patient/${amara}`]));
    // Ways around the compartment that cannot be checked per entry are refused outright.
    for (const path of [`fhir/Patient/${benjamin}/$everything`, `fhir/AllergyIntolerance?patient=${benjamin}`]) {
      const answer = await callFromPage(page, path);
      expect({ path, refused: answer.status === 403 || answer.status === 404 }).toEqual({ path, refused: true });
    }
  });

  it('cannot write into another patient’s record through the request body', async () => {
    const before = (await recordsOf('consents', benjamin)).length;
    const forged = await callFromPage(page, 'consents', {
      method: 'POST',
      body: { patientId: benjamin, status: 'active', scope: 'patient-privacy', category: ['hipaa-notice'], policyRule: 'hipaa-auth' },
    });
    expect(forged.status).toBe(403);
    const [theirConsent] = await recordsOf('consents', benjamin);
    if (theirConsent) {
      const patched = await callFromPage(page, `consents/${theirConsent.id}`, { method: 'PATCH', body: { status: 'inactive' } });
      expect(patched.status).toBe(404);
    }
    const [ownConsent] = await recordsOf('consents', amara);
    const moved = await callFromPage(page, `consents/${ownConsent?.id}`, { method: 'PATCH', body: { patientId: benjamin } });
    expect(moved.status).toBe(403);
    expect((await recordsOf('consents', benjamin)).length).toBe(before);
  });

  it('never received the key, and raised no page error', async () => {
    expectNoKeyIn(await session.responses(), target.apiKey);
    expect(session.errors).toEqual([]);
  });
});
