import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceResolution } from '../../scripts/source-conditions.ts';
import { APP_ENTRY, APP_SOURCE_DIRS, VITE_CACHE_DIR, VITE_DEPS_DIR } from './server/served-sources.ts';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: VITE_CACHE_DIR,
  plugins: [react()],
  ...sourceResolution,
  // Only the app's sources, never the whole repository (Vite's default): the demo's server code and anything kept
  // beside it stay out of reach. The demo's own request filter (server/request-filter.ts) stands in front of this.
  server: { fs: { allow: [APP_ENTRY, ...APP_SOURCE_DIRS, VITE_DEPS_DIR] } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
