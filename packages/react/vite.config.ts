import { layeredStylesheet } from '../../scripts/layered-stylesheet.ts';
import { defineLibraryConfig } from '../../scripts/vite-library.ts';

export default defineLibraryConfig(import.meta.dirname, {
  // `entries/hooks` is the data layer alone (`@clinikapi/react/hooks`): no widget, no stylesheet.
  // `entries/charts` is recharts' drawing (`@clinikapi/react/charts`), which VitalsChart imports lazily.
  // `entries/cliniko` is Cliniko's hooks and widgets (`@clinikapi/react/cliniko`), for a proxy on `upstreams.cliniko()`.
  entries: {
    index: 'src/index.ts',
    'entries/hooks': 'src/entries/hooks.ts',
    'entries/charts': 'src/entries/charts.ts',
    'entries/cliniko': 'src/entries/cliniko.ts',
    stylesheet: 'src/styles/stylesheet.ts',
  },
  cssFileName: 'styles',
  preserveModules: true,
  // styles.css is unlayered, so it holds against a host page's element rules; styles.layer.css is the same rules in
  // `@layer clinikapi`, for apps that manage their cascade with layers (docs/decisions/0069-widget-styles-and-the-host-page.md).
  plugins: [layeredStylesheet({ from: 'styles.css', to: 'styles.layer.css', layer: 'clinikapi' })],
});
