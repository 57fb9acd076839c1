import { defineLibraryConfig } from '../../scripts/vite-library.ts';

export default defineLibraryConfig(import.meta.dirname, {
  // `entries/hooks` is the data layer alone (`@clinikapi/react/hooks`): no widget, no stylesheet.
  // `entries/charts` is recharts' drawing (`@clinikapi/react/charts`), which VitalsChart imports lazily.
  entries: { index: 'src/index.ts', 'entries/hooks': 'src/entries/hooks.ts', 'entries/charts': 'src/entries/charts.ts', stylesheet: 'src/styles/stylesheet.ts' },
  cssFileName: 'styles',
  preserveModules: true,
});
