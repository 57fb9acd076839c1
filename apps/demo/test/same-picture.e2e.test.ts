/** The README screenshots are rewritten only when the picture changed: PNG bytes alone say nothing. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, chromiumPath } from '../../../scripts/chromium.ts';
import { samePicture } from './same-picture.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  chromiumPath();
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await browser.newPage({ viewport: { width: 480, height: 240 } });
  await page.setContent('<main style="font: 16px sans-serif; padding: 24px"><h1>Patients</h1><p>Amara Okafor · 1984-02-11</p></main>');
});

afterAll(async () => {
  await browser?.close();
});

/** The same pixels through another PNG encoder (the browser's canvas, at its own compression): other bytes. */
async function reencoded(png: Buffer): Promise<Buffer> {
  const base64 = await page.evaluate(async (source) => {
    const bytes = Uint8Array.from(atob(source), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const out = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of out) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, png.toString('base64'));
  return Buffer.from(base64, 'base64');
}

describe('samePicture', () => {
  it('takes the same pixels in other PNG bytes for the same picture', async () => {
    const original = await page.screenshot();
    const other = await reencoded(original);
    expect(other.equals(original)).toBe(false);
    expect(await samePicture(browser, original, other)).toBe(true);
  });

  it('sees a changed word', async () => {
    const before = await page.screenshot();
    await page.locator('p').evaluate((element) => (element.textContent = 'Amara Okafor · 1984-02-12'));
    const after = await page.screenshot();
    expect(await samePicture(browser, before, after)).toBe(false);
  });

  it('sees a changed size', async () => {
    const before = await page.screenshot();
    await page.setViewportSize({ width: 480, height: 241 });
    expect(await samePicture(browser, before, await page.screenshot())).toBe(false);
  });
});
