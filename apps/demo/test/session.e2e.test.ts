/**
 * Sessions end — by signing out or by time — and both the UI and the proxy must notice. The demo here runs with a
 * short sign-in (seconds) so expiry can be watched, not simulated: the server's own clock ends it. Short, but long
 * enough for a loaded machine to sign in and load the patients before it ends; the expiry test waits for the end the
 * cookie itself names, not for a guess at it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callFromPage, expectAccessible, signIn, type Session, withDemoSession } from './harness.ts';

const SESSION_TTL_MS = 10_000;

let session: Session;
let page: Page;

withDemoSession({ sessionTtlMs: SESSION_TTL_MS }, (started) => ({ session, page } = started));

/** When the demo's signed session cookie (`s:<user>|<ms>.<signature>`) says the session ends. */
function sessionEnd(value: string): number {
  const end = /\|(\d+)\./.exec(decodeURIComponent(value))?.[1];
  expect(end).toBeDefined();
  return Number(end);
}

const signInScreen = () => page.getByRole('button', { name: 'Sign in as Dr. Grace Lin' });

describe('sessions', () => {
  it('signing out returns to the sign-in screen, and the proxy then answers 401 in the error envelope', async () => {
    await signIn(page, 'Dr. Grace Lin');
    await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first().waitFor();
    expect((await callFromPage(page, 'patients?count=1')).status).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInScreen().waitFor();
    const answer = await callFromPage(page, 'patients?count=1');
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'UNAUTHORIZED', requestId: expect.any(String) });
    expect(answer.body).not.toContain('Okafor');
  });

  it('an expired session is refused by the server even if the browser still sends the cookie, and the UI says so', async () => {
    await signIn(page, 'Dr. Grace Lin');
    await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first().waitFor();
    const [cookie] = await session.context.cookies();
    expect(cookie).toBeDefined();

    // A browser that keeps the cookie past its lifetime (a stale tab, a copied cookie) gets nothing for it: the expiry
    // is inside the signed value, checked by the server — which runs in this process, on this clock.
    await page.waitForTimeout(Math.max(0, sessionEnd(cookie!.value) - Date.now() + 100));
    await session.context.addCookies([{ ...cookie!, expires: Math.floor(Date.now() / 1000) + 3_600 }]);
    expect((await session.context.cookies()).length).toBe(1);

    await page.getByRole('searchbox', { name: 'Search patients' }).fill('okafor');
    await page.getByRole('alert').filter({ hasText: 'Your session has ended. Sign in again to continue.' }).waitFor();
    await signInScreen().waitFor();
    await expectAccessible(page, 'the sign-in screen after expiry');
    const answer = await callFromPage(page, 'patients?count=1');
    expect(answer.status).toBe(401);

    // Signing in again starts afresh, with no trace of the previous session's notice.
    await signIn(page, 'Dr. Grace Lin');
    await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first().waitFor();
    await expect.poll(() => page.getByText('Your session has ended').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
