/**
 * Stories answer from the real emulator running in the page (memory store, demo patients), behind MSW — the same
 * backend the component tests use. Each story gets a fresh one so stories never see each other's writes.
 */
import { createBrowserEmulator } from '@clinikapi/emulator/browser';
import { http, type HttpHandler } from 'msw';
import type { AccessOption } from '../packages/react/src/access/access.ts';

export const STORY_PROXY_URL = '/api/clinik';

declare module 'storybook/internal/types' {
  interface Parameters {
    /** `{ seed: false }` starts the story's emulator with no patients. */
    emulator?: { seed?: boolean };
    /** What the story's user may do: the provider's `access` (grants, or `'proxy'`). Default: not known. */
    access?: AccessOption;
  }
}

/** MSW handlers that answer the proxy mount from a new emulator. */
export function emulatorHandlers(options: { seed?: boolean } = {}): HttpHandler[] {
  const emulator = createBrowserEmulator({ seed: options.seed ?? true });
  return [http.all(`${STORY_PROXY_URL}/*`, async ({ request }) => (await emulator).handleProxyRequest(request, STORY_PROXY_URL))];
}
