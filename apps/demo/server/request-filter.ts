/**
 * The gate in front of Vite's development middleware.
 *
 * Why: Vite serves much more than an app needs — any file under its root or its allowed folders, as text (`?raw`),
 * as a module (`?import`), by absolute path (`/@fs/…`) — and it reads a file, and keeps what it read, before it
 * decides anything else; one `?raw&x=<n>` per number kept another copy of a database file in memory. This gate
 * decides from the URL, before Vite sees the request: page routes get the app's page, a file only when it is one of
 * the app's sources (served-sources.ts) asked for the way Vite itself asks, and anything else a 404. It reads no file:
 * it only stats and resolves symbolic links.
 */
import type { RequestHandler } from 'express';
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * What a request is, to the development server: a route of the app (served the app's page), an asset (one of Vite's
 * own modules, or a file the browser may load), or refused.
 */
type DevRequest = 'page' | 'asset' | 'refused';

/** A route of the app: `/`, `/patients/<id>`. Letters, digits, `_` and `-` only: no dots, so never a file name. */
const PAGE_ROUTE = /^(?:\/[\w-]+)*\/?$/;

/** Modules Vite generates itself, which name no file. */
const VITE_MODULES = new Set(['/@vite/client', '/@react-refresh']);

/**
 * The query parameters Vite puts on the URLs it hands the browser: the dependency cache's version, a hot update's
 * timestamp, and the markers for a non-JavaScript import and a stylesheet link. `?raw`, `?url`, `?inline`,
 * `?worker` and anything else are refused: the app imports nothing that way.
 */
const VITE_QUERY = /^(?:v=[\da-f]{8}|t=\d{13}|import|direct)$/;

/** Escapes that would hide a dot, a slash, a backslash or a NUL from a check on the decoded path. */
const HIDING_ESCAPE = /%(?:2e|2f|5c|00|25)/i;

/** True for a path shaped like one of the app's routes: the production server serves those the app's page too. */
export function isPageRoute(path: string): boolean {
  return PAGE_ROUTE.test(path);
}

export interface DevRequestFilterOptions {
  /** Vite's root: root-relative URLs name files under it. */
  readonly root: string;
  /** The app's page. */
  readonly entry: string;
  /** Folders the browser may load files from. Files in dot-folders below them are refused. */
  readonly sourceDirs: readonly string[];
  /** Where Vite writes the pre-bundled dependencies: a name in it is admitted before the file exists. */
  readonly dependencyDir: string;
}

/** Splits a URL into its decoded path and its query, or undefined when the path hides anything from a check. */
function pathAndQuery(url: string): { readonly path: string; readonly query: string } | undefined {
  const mark = url.indexOf('?');
  const rawPath = mark === -1 ? url : url.slice(0, mark);
  if (!rawPath.startsWith('/') || rawPath.includes('\\') || HIDING_ESCAPE.test(rawPath)) return undefined;
  let path: string;
  try {
    path = decodeURI(rawPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  // `.` and `..` segments, and the empty ones of `//`: a browser never sends them; Vite would resolve them.
  if (
    path !== '/' &&
    path
      .slice(1)
      .split('/')
      .some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    return undefined;
  }
  return { path, query: mark === -1 ? '' : url.slice(mark + 1) };
}

/** The file `path` names for Vite: `/@fs/<absolute path>`, else a path under the root. */
function fileOf(path: string, root: string): string {
  if (!path.startsWith('/@fs/')) return join(root, path);
  const file = path.slice('/@fs'.length);
  // `/@fs/C:/…` on Windows.
  return /^\/[A-Za-z]:\//.test(file) ? file.slice(1) : file;
}

/** Classifies a development-server request from its URL alone (stats and symbolic links aside). */
function classify(url: string, options: DevRequestFilterOptions): DevRequest {
  const parts = pathAndQuery(url);
  if (!parts) return 'refused';
  if (isPageRoute(parts.path)) return 'page';
  if (parts.query !== '' && !parts.query.split('&').every((parameter) => VITE_QUERY.test(parameter))) return 'refused';
  if (VITE_MODULES.has(parts.path)) return 'asset';
  return isServableFile(fileOf(parts.path, options.root), options) ? 'asset' : 'refused';
}

/** True when `path` lies in `dir` with no dot-folder (or dotfile) between them. */
function isPlainlyWithin(path: string, dir: string): boolean {
  const within = relative(dir, path);
  return within !== '' && !isAbsolute(within) && within.split(sep).every((segment) => segment !== '..' && !segment.startsWith('.'));
}

/**
 * Pre-bundled dependencies are modules and their source maps. Vite keeps its bookkeeping beside them
 * (`_metadata.json`, with the machine's absolute paths; a `package.json`): the browser never asks for those.
 */
const DEPENDENCY_FILE = /\.js(\.map)?$/;

/**
 * True when `file` is a pre-bundled dependency, or a regular file that, symbolic links resolved, is the entry page or
 * lies plainly within a source folder.
 */
function isServableFile(file: string, options: DevRequestFilterOptions): boolean {
  if (isPlainlyWithin(file, options.dependencyDir)) return DEPENDENCY_FILE.test(file);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
  const real = realpathSync(file);
  return real === realpathOf(options.entry) || options.sourceDirs.some((dir) => isPlainlyWithin(real, realpathOf(dir)));
}

function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The Express middleware: page routes become a request for the app's page, app sources pass to Vite unchanged, and
 * everything else is a 404 before Vite reads anything.
 */
export function devRequestFilter(options: DevRequestFilterOptions): RequestHandler {
  return (req, res, next) => {
    const verdict = req.method === 'GET' || req.method === 'HEAD' ? classify(req.url, options) : 'refused';
    if (verdict === 'refused') {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (verdict === 'page') req.url = '/index.html';
    next();
  };
}
