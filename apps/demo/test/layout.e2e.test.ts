/**
 * Every screen of the demo, as each of its users sees it, at 320, 375, 768 and 1280 px wide in the light, dark and
 * glass themes: the page never scrolls sideways, and no control is drawn over another (`layoutProblems`, measured
 * from bounding boxes in Chromium). One browser page throughout; each screen is measured once it has settled.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { layoutProblems } from '../../../scripts/layout-problems.ts';
import { signIn, withDemoSession } from './harness.ts';

let page: Page;

withDemoSession({}, (started) => ({ page } = started));

const WIDTHS = [320, 375, 768, 1280] as const;
const THEMES = ['light', 'dark', 'glassmorphism'] as const;

/** Waits until nothing on the screen is loading any more. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
}

/** The screen's layout problems at every width and theme, each saying where it showed. */
async function measure(where: string): Promise<string[]> {
  await settled();
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.locator('.demo-theme select').selectOption(theme);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      found.push(...(await page.evaluate(layoutProblems)).map((problem) => `${where}, ${width}px, ${theme}: ${problem}`));
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('.demo-theme select').selectOption('light');
  return [...new Set(found)];
}

async function openPatient(name: string): Promise<void> {
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search patients' }).fill(name.split(' ')[1] as string);
  await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader', { name }).click();
  await page.getByRole('tablist', { name: 'Patient record' }).waitFor();
}

/** Each tab of the patient page the signed-in user is offered. */
async function measureTabs(): Promise<string[]> {
  const found: string[] = [];
  const names = await page.getByRole('tablist', { name: 'Patient record' }).getByRole('tab').allTextContents();
  for (const name of names) {
    await page.getByRole('tab', { name, exact: true }).click();
    found.push(...(await measure(`patient page, ${name}`)));
  }
  return found;
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page
    .getByRole('button', { name: /^Sign in as/ })
    .first()
    .waitFor();
}

describe('every screen, at every width and theme', () => {
  it('as a clinician', async () => {
    const found: string[] = [];
    await page
      .getByRole('button', { name: /^Sign in as/ })
      .first()
      .waitFor();
    await signIn(page, 'Dr. Grace Lin');
    found.push(...(await measure('patient list')));
    await page.getByRole('link', { name: 'New patient' }).click();
    found.push(...(await measure('new patient')));
    await page.getByRole('link', { name: 'Schedule' }).click();
    found.push(...(await measure('schedule')));
    await openPatient('Amara Okafor');
    found.push(...(await measureTabs()));
    expect(found).toEqual([]);
    await signOut();
  });

  it('as the front desk', async () => {
    const found: string[] = [];
    await signIn(page, 'Sam Patel');
    found.push(...(await measure('patient list')));
    await openPatient('Amara Okafor');
    found.push(...(await measureTabs()));
    expect(found).toEqual([]);
    await signOut();
  });

  it('as a patient', async () => {
    const found: string[] = [];
    await signIn(page, 'Amara Okafor');
    for (const link of ['My record', 'Appointments', 'Intake form', 'Consents']) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: link }).waitFor();
      found.push(...(await measure(link)));
    }
    expect(found).toEqual([]);
  });
});
