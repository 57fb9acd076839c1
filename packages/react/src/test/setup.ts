/** Component-test setup: jest-dom matchers, a fresh DOM per test, and the emulator answering the proxy over MSW. */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mswServer } from './msw-server.ts';

// CI runs these on 2 shared cores next to Chromium: findBy* waits up to 5 s before calling something missing.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => mswServer.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  cleanup();
  mswServer.resetHandlers();
});
afterAll(() => mswServer.close());
