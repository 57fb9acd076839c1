/**
 * Whether two PNGs show the same picture. PNG bytes differ between encoders and runs for identical pixels, so the
 * README screenshots are compared decoded: a file is rewritten only when the picture really changed, and an
 * end-to-end run leaves the tree clean otherwise. Decoding happens in the Chromium the tests already drive.
 */
import type { Browser } from 'playwright-core';

/**
 * A channel difference at most this large is colour rounding, not a change. Any pixel beyond it counts: one changed
 * digit in a date is a few dozen pixels, so no share of changed pixels can be waved through.
 */
const CHANNEL_TOLERANCE = 16;

export async function samePicture(browser: Browser, first: Buffer, second: Buffer): Promise<boolean> {
  if (first.equals(second)) return true;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(
      async ({ first, second, tolerance }) => {
        const decode = async (base64: string): Promise<ImageData> => {
          const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), {
            colorSpaceConversion: 'none',
            premultiplyAlpha: 'none',
          });
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context2d = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
          context2d.drawImage(bitmap, 0, 0);
          return context2d.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [a, b] = await Promise.all([decode(first), decode(second)]);
        if (a.width !== b.width || a.height !== b.height) return false;
        return a.data.every((value, index) => Math.abs(value - (b.data[index] as number)) <= tolerance);
      },
      { first: first.toString('base64'), second: second.toString('base64'), tolerance: CHANNEL_TOLERANCE },
    );
  } finally {
    await context.close();
  }
}
