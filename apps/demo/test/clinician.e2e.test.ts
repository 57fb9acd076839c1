/**
 * A clinician's day in the demo, as a user runs it: the real server (emulator on PGlite, proxy, app) in Debian's
 * Chromium. Every widget's main flow, axe on every screen, screenshots for the README, and at the end proof that the
 * ClinikAPI key never reached the browser.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  bookFirstFreeSlot,
  expectAccessible,
  expectNoKeyIn,
  screenshot,
  SCREENSHOT_DAY,
  signIn,
  type DemoUnderTest,
  type Session,
  withDemoSession,
} from './harness.ts';

let target: DemoUnderTest;
let session: Session;
let page: Page;

withDemoSession({ today: SCREENSHOT_DAY }, (started) => ({ target, session, page } = started));

const grid = () => page.getByRole('grid', { name: 'Patients' });
const rowNames = () => grid().getByRole('rowheader').allTextContents();

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** Submits a widget form and waits for its success notice. */
async function save(form: ReturnType<Page['getByRole']>, button: string, notice: string | RegExp): Promise<void> {
  await form.getByRole('button', { name: button, exact: true }).click();
  await form.getByRole('status').filter({ hasText: notice }).waitFor();
}

describe('the clinic, as a clinician', () => {
  it('signs in and finds patients in the list by searching', async () => {
    await expectAccessible(page, 'the sign-in screen');
    await screenshot(page, 'sign-in');
    await signIn(page, 'Dr. Grace Lin');
    await grid().getByRole('rowheader', { name: 'Amara Okafor' }).waitFor();
    await expect.poll(() => grid().getAttribute('aria-rowcount')).toBe('21');
    await expectAccessible(page, 'the patient list');
    await screenshot(page, 'patient-list');

    await page.getByRole('searchbox', { name: 'Search patients' }).fill('okaf');
    await expect.poll(rowNames).toEqual(['Amara Okafor']);
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('');
    await expect.poll(async () => (await rowNames()).length).toBeGreaterThan(5);
  });

  it('creates a patient through the dashboard and lands on their page', async () => {
    await page.getByRole('link', { name: 'New patient' }).click();
    const form = page.getByRole('form', { name: 'New patient' });
    await form.getByRole('button', { name: 'Create patient' }).click();
    // The schema the emulator enforces runs in the browser first: both required names are flagged on their fields.
    await expect.poll(() => form.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the create view with errors');
    await form.getByLabel('First name').fill('Zoe');
    await form.getByLabel('Last name').fill('Quintero');
    await form.getByLabel('Date of birth').fill('1990-01-02');
    await form.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoe Quintero' }).waitFor();
    await page.getByRole('link', { name: '← All patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('quint');
    await expect.poll(rowNames).toEqual(['Zoe Quintero']);
  });

  it('opens a patient: the dashboard shows the record from one request', async () => {
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('okafor');
    await grid().getByRole('rowheader', { name: 'Amara Okafor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor();
    await page.getByText('Penicillin').first().waitFor();
    await page.getByText('Hypertension').first().waitFor();
    await expectAccessible(page, 'the dashboard');
    await screenshot(page, 'patient-dashboard');
  });

  it('records vitals, flagged against reference ranges', async () => {
    await openTab('Vitals');
    const form = page.getByRole('form', { name: 'Record vitals' });
    await form.getByRole('textbox', { name: /Heart rate/ }).fill('118');
    await form.getByRole('textbox', { name: 'Systolic' }).fill('142');
    await form.getByRole('textbox', { name: 'Diastolic' }).fill('91');
    await save(form, 'Record vitals', /Heart rate \(High\)/);
    await expectAccessible(page, 'the vitals tab');
    await screenshot(page, 'vitals');
  });

  it('prescribes, and sees the medications listed once', async () => {
    await openTab('Medications');
    const full = page.getByRole('form', { name: 'New prescription' });
    await full.getByRole('combobox', { name: /Medication/ }).fill('Amoxicillin 500 MG Oral Capsule (308191)');
    await save(full, 'Prescribe', /Prescribed Amoxicillin/);
    // One list of the patient's prescriptions (MedicationList), one form: nothing listed twice or three times.
    const panel = page.getByRole('tabpanel', { name: 'Medications' });
    await expect.poll(() => panel.getByRole('region', { name: 'Medications' }).count()).toBe(1);
    await expect.poll(() => panel.getByRole('form').count()).toBe(1);
    await expectAccessible(page, 'the medications tab');
  });

  it('records a condition and an allergy', async () => {
    await openTab('Conditions & allergies');
    const condition = page.getByRole('form', { name: 'Record a condition' });
    await condition.getByRole('combobox', { name: /Condition/ }).fill('Unspecified asthma, uncomplicated (J45.909)');
    await save(condition, 'Record condition', /Recorded/);
    const allergy = page.getByRole('form', { name: 'Record an allergy' });
    await allergy.getByRole('combobox', { name: /Allergen/ }).fill('Latex (111088007)');
    await save(allergy, 'Record allergy', 'Recorded Latex.');
    await expectAccessible(page, 'the conditions and allergies tab');
  });

  it('logs an immunization', async () => {
    await openTab('Immunizations');
    const form = page.getByRole('form', { name: 'Log an immunization' });
    await form.getByRole('combobox', { name: /Vaccine/ }).fill('Influenza, seasonal, injectable (141)');
    await save(form, 'Log immunization', /Logged Influenza/);
    await expectAccessible(page, 'the immunizations tab');
  });

  it('orders a lab report', async () => {
    await openTab('Labs');
    const form = page.getByRole('form', { name: 'Order a lab report' });
    await form.getByRole('combobox', { name: /Test/ }).fill('Lipid panel (24331-1)');
    await save(form, 'Order report', /Ordered Lipid panel/);
    await expectAccessible(page, 'the labs tab');
  });

  it('writes a clinical note with a markdown preview', async () => {
    await openTab('Notes');
    const form = page.getByRole('form', { name: 'New note' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Follow-up: blood pressure');
    await form.getByRole('textbox', { name: 'Note', exact: true }).fill('## Plan\n- Recheck in **two weeks**');
    await save(form, 'Save note', 'Saved “Follow-up: blood pressure”.');
    await expectAccessible(page, 'the notes tab');
  });

  it('builds a care plan and sets a goal', async () => {
    await openTab('Care plan & goals');
    const plan = page.getByRole('form', { name: 'Build a care plan' });
    await plan.getByRole('textbox', { name: 'Title' }).fill('Hypertension management');
    await save(plan, 'Save care plan', /Saved Hypertension management/);
    const goal = page.getByRole('form', { name: 'Set a goal' });
    await goal.getByRole('textbox', { name: 'Goal' }).fill('Blood pressure below 130/80');
    await save(goal, 'Set goal', /Goal set/);
    await expectAccessible(page, 'the care plan tab');
  });

  it('books an appointment in a free slot', async () => {
    await openTab('Appointments');
    await bookFirstFreeSlot(page, 7);
    await expectAccessible(page, 'the appointments tab');
    await screenshot(page, 'appointment-scheduler');
  });

  it('records a consent signed by typed name', async () => {
    await openTab('Consents');
    const form = page.getByRole('form', { name: 'Record a consent' });
    await form.getByRole('radio', { name: /^Privacy/ }).check();
    await form.getByRole('combobox', { name: /^Category/ }).selectOption('hipaa-notice');
    await form.getByRole('combobox', { name: /^Policy/ }).selectOption('hipaa-auth');
    await form.getByRole('tab', { name: 'Type your name' }).click();
    await form.getByRole('textbox', { name: 'Full name' }).fill('Amara Okafor');
    await save(form, 'Sign consent', 'Consent signed and in force.');
    await expectAccessible(page, 'the consents tab');
  });

  it('switches tabs as fast as it likes without cancelling a request', async () => {
    const failed: string[] = [];
    const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) => {
      if (request.url().includes('/api/clinik')) failed.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`);
    };
    page.on('requestfailed', onFailed);
    for (const name of ['Vitals', 'Medications', 'Labs', 'Notes', 'Overview', 'Care plan & goals', 'Intake', 'Overview']) {
      await page.getByRole('tab', { name, exact: true }).click();
    }
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    page.off('requestfailed', onFailed);
    expect(failed).toEqual([]);
  });

  it('sees the day’s schedule', async () => {
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    await expectAccessible(page, 'the schedule');
  });

  it('never let the key, or a page error, reach the browser', async () => {
    expectNoKeyIn(await session.responses(), target.apiKey);
    const cookies = JSON.stringify(await session.context.cookies());
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    const secret = target.apiKey.slice('clk_test_'.length);
    expect(cookies).not.toContain(secret);
    expect(storage).not.toContain(secret);
    expect(session.errors).toEqual([]);
  });
});
