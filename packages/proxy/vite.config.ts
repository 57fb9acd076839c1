import { defineLibraryConfig } from '../../scripts/vite-library.ts';

// One file per entry: importing the main entry never loads Clerk or Auth0 (they are optional peers).
export default defineLibraryConfig(import.meta.dirname, {
  entries: { index: 'src/index.ts', clerk: 'src/session/clerk.ts', auth0: 'src/session/auth0.ts' },
});
