/** Where the tests' ClinikProvider mounts the proxy; the emulator's MSW handler answers under it. (Browser-safe: no MSW server here.) */
export const TEST_PROXY_URL = '/api/clinik';
