/**
 * What the demo's development server may hand to a browser: the web app's own sources, the sources of the two
 * packages it runs in the browser, and third-party code. Vite's `server.fs.allow` and the demo's request filter both
 * take this list; the demo's data never lives under any of it (see data-dir.ts).
 */
import { join } from 'node:path';

/** The web app's folder: Vite's root. */
export const DEMO_ROOT = join(import.meta.dirname, '..');
export const REPO_ROOT = join(DEMO_ROOT, '..', '..');

/** The page every route of the app is served from. */
export const APP_ENTRY = join(DEMO_ROOT, 'index.html');

/** Vite's cache (its default place, named so that the filter can admit the dependencies Vite bundles into it). */
export const VITE_CACHE_DIR = join(DEMO_ROOT, 'node_modules', '.vite');

/**
 * Where Vite writes the app's pre-bundled dependencies. Only Vite writes here, and a file may be asked for before it
 * is written (Vite holds the request until its bundling is done), so the filter admits its names without a look.
 */
export const VITE_DEPS_DIR = join(VITE_CACHE_DIR, 'deps');

/**
 * Folders whose files the browser may load in development. `@clinikapi/react` and `@clinikapi/core` resolve to their
 * sources inside the repo; the React package's stylesheet is built into its `dist`. No server code, no data.
 */
export const APP_SOURCE_DIRS: readonly string[] = [
  join(DEMO_ROOT, 'src'),
  join(REPO_ROOT, 'packages', 'core', 'src'),
  join(REPO_ROOT, 'packages', 'react', 'src'),
  join(REPO_ROOT, 'packages', 'react', 'dist'),
  join(REPO_ROOT, 'node_modules'),
];
