/**
 * The demo on Cliniko (`npm start -- --api cliniko`), in Chromium: a patient books a time online and sees it; front
 * desk sees it in the clinic's day; another patient can neither see it nor reach it by editing requests; and neither
 * the shard's address nor the key ever reaches the browser. One demo for the file, signed in and out in turn.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoKeyIn, signIn, type DemoUnderTest, type Session, withDemoSession } from './harness.ts';

let target: DemoUnderTest;
let session: Session;
let page: Page;
/** What the patient booked, read from the shard itself. */
let booked: { id: string; starts_at: string };

withDemoSession({ api: 'cliniko' }, (started) => {
  ({ target, session, page } = started);
});

const amaraId = () => target.portalPatients.user_amara_okafor as string;

/** Reads the shard directly (Node side, with the key), as only the server may. */
async function shard<T>(path: string): Promise<T> {
  const response = await fetch(`${target.demo.emulatorUrl}/v1/${path}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${target.apiKey}:`).toString('base64')}`,
      'user-agent': 'Demo e2e (dev@clinikapi.local)',
    },
  });
  if (!response.ok) throw new Error(`The shard answered ${response.status}`);
  return (await response.json()) as T;
}

/** Calls the Cliniko proxy from inside the page, as a curious patient could. */
function fromPage(path: string): Promise<{ status: number; body: string }> {
  return page.evaluate(async (path) => {
    const response = await fetch(`/api/cliniko/${path}`, { headers: { accept: 'application/json' } });
    return { status: response.status, body: await response.text() };
  }, path);
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page
    .getByRole('button', { name: /^Sign in as/ })
    .first()
    .waitFor();
}

/** The clinic's date of an instant (Melbourne, the seeded clinic's zone). */
const clinicDate = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Melbourne' }).format(new Date(instant));

describe('the demo on Cliniko', () => {
  it('lets a patient book a time online for themselves, and shows it among their appointments', async () => {
    await signIn(page, 'Amara Okafor');
    const booking = page.getByRole('region', { name: 'Book online' });
    await booking.getByRole('radio', { name: /Standard Consultation/ }).check();
    const times = booking.getByRole('group', { name: /^Time/ });
    await times.getByRole('radio').first().check();
    await booking.getByText('Booking for Amara Okafor.').waitFor();
    await expect.poll(() => booking.getByRole('searchbox').count()).toBe(0);
    await expectAccessible(page, 'the Cliniko booking page');
    await booking.getByRole('button', { name: 'Book appointment' }).click();
    await booking.getByText(/^Booked: Standard Consultation with Dr Amelia Chen at Fitzroy Physio/).waitFor();

    const theirs = await shard<{ individual_appointments: { id: string; starts_at: string }[] }>(
      `individual_appointments?q[]=${encodeURIComponent(`patient_id:=${amaraId()}`)}`,
    );
    expect(theirs.individual_appointments).toHaveLength(1);
    booked = theirs.individual_appointments[0] as { id: string; starts_at: string };
    const mine = page.getByRole('region', { name: 'My upcoming appointments' });
    await expect.poll(() => mine.getByRole('listitem').count()).toBe(1);
    const day = new Intl.DateTimeFormat(undefined, { timeZone: 'Australia/Melbourne', dateStyle: 'full' }).format(
      new Date(booked.starts_at),
    );
    await expect.poll(() => mine.getByRole('listitem').textContent()).toContain(day);
    await signOut();
  });

  it('shows front desk the booking in the clinic’s day', async () => {
    await signIn(page, 'Sam Patel');
    const day = page.getByRole('region', { name: /^The clinic’s day/ });
    await day.getByLabel('Day', { exact: true }).fill(clinicDate(booked.starts_at));
    await day.getByRole('listitem').filter({ hasText: 'Amara Okafor' }).waitFor();
    expect(await day.getByRole('listitem').filter({ hasText: 'Amara Okafor' }).textContent()).toMatch(
      /30 min.*Amara Okafor.*Standard Consultation/,
    );
    await expectAccessible(page, 'the Cliniko day');
    await signOut();
  });

  it('keeps one patient’s appointment from another, whatever the browser asks', async () => {
    await signIn(page, 'Benjamin Hartley');
    const mine = page.getByRole('region', { name: 'My upcoming appointments' });
    await mine.getByText('None yet.').waitFor();
    // Editing requests by hand: her appointment, her patient record, a list of hers, the whole clinic's list.
    expect((await fromPage(`individual_appointments/${booked.id}`)).status).toBe(404);
    expect((await fromPage(`patients/${amaraId()}`)).status).toBe(404);
    expect((await fromPage(`individual_appointments?q[]=${encodeURIComponent(`patient_id:=${amaraId()}`)}`)).status).toBe(404);
    const everything = await fromPage('individual_appointments?per_page=100');
    expect(everything.status).toBe(200);
    expect(JSON.parse(everything.body)).toMatchObject({ individual_appointments: [], total_entries: 0 });
    expect((await fromPage(`patients/${amaraId()}/appointments`)).status).toBe(404);
    await signOut();
  });

  it('never lets the shard’s address or the key reach the browser', async () => {
    const captured = await session.responses();
    expectNoKeyIn(captured, target.apiKey);
    const shardHost = new URL(target.demo.emulatorUrl).host;
    const cliniko = captured.filter((response) => new URL(response.url).pathname.startsWith('/api/cliniko/'));
    expect(cliniko.length).toBeGreaterThan(10);
    expect(
      captured.filter((response) => `${response.headers}\n${response.body}`.includes(shardHost)).map((response) => response.url),
    ).toEqual([]);
    // Every link Cliniko answered with points at the proxy's mount.
    const links = cliniko.flatMap((response) => [...response.body.matchAll(/"self":"([^"]+)"/g)].map((match) => match[1] as string));
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !link.startsWith('/api/cliniko/'))).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
