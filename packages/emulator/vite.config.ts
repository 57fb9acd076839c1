import { defineLibraryConfig } from '../../scripts/vite-library.ts';

export default defineLibraryConfig(import.meta.dirname, {
  entries: { index: 'src/index.ts', browser: 'src/browser.ts', cli: 'src/node/cli.ts' },
});
