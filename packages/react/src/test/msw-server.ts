import { setupServer } from 'msw/node';

export { TEST_PROXY_URL } from './proxy-url.ts';

/** One MSW server for the react test project; each test installs its own emulator with `startTestEmulator`. */
export const mswServer = setupServer();
