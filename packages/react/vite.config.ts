import { defineLibraryConfig } from '../../scripts/vite-library.ts';

export default defineLibraryConfig(import.meta.dirname, {
  // `entries/hooks` is the data layer alone (`@clinikapi/react/hooks`): no widget, no stylesheet.
  entries: { index: 'src/index.ts', 'entries/hooks': 'src/entries/hooks.ts', stylesheet: 'src/styles/stylesheet.ts' },
  cssFileName: 'styles',
  preserveModules: true,
});
