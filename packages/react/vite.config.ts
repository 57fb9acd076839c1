import { defineLibraryConfig } from '../../scripts/vite-library.ts';

export default defineLibraryConfig(import.meta.dirname, {
  entries: { index: 'src/index.ts', stylesheet: 'src/styles/stylesheet.ts' },
  cssFileName: 'styles',
  preserveModules: true,
});
