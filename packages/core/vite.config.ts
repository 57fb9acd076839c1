import { defineLibraryConfig } from '../../scripts/vite-library.ts';

// One file per module: an app whose widgets validate with one schema does not ship the other eighteen.
export default defineLibraryConfig(import.meta.dirname, { entries: { index: 'src/index.ts' }, preserveModules: true });
