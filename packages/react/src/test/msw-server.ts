import { setupServer } from 'msw/node';

/** One MSW server for the react test project; each test installs its own emulator with `useTestEmulator`. */
export const mswServer = setupServer();
