import { setupServer } from 'msw/node';

/** Where the tests' ClinikProvider mounts the proxy; the emulator's MSW handler answers under it. */
export const TEST_PROXY_URL = '/api/clinik';

/** One MSW server for the react test project; each test installs its own emulator with `startTestEmulator`. */
export const mswServer = setupServer();
