/**
 * Asks the demo's server for its data every way Vite (or Express) could be talked into serving a file: by path, as
 * text (`?raw`), as a module (`?import`), by absolute path (`/@fs/…`), through `..`, percent-encoded, through the
 * dependency cache's folder. The data is the demo's real data — secrets, audit log, the database's write-ahead log —
 * in its data dir, and copied into the app's folder where earlier versions kept it (and where a mistake could put it
 * again). Every answer must be a 403 or 404 carrying no byte of a secret.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, sep } from 'node:path';
import { DEMO_ROOT } from '../server/served-sources.ts';

/** The values that must never leave the server: the key's secret part, the cookie and webhook secrets, the linked record ids. */
export function secretValues(dataDir: string): string[] {
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
    apiKey: string;
    cookieSecret: string;
    portalPatients: Record<string, string>;
    practitioners: Record<string, string>;
    webhookSecret: string;
  };
  return [
    secrets.apiKey.replace(/^clk_(test|live)_/, ''),
    secrets.cookieSecret,
    secrets.webhookSecret,
    ...Object.values(secrets.portalPatients),
    ...Object.values(secrets.practitioners),
  ];
}

/** The data files worth stealing in a data dir: secrets, the audit log, the first write-ahead log segment. */
export function dataFiles(dataDir: string): string[] {
  const wal = join(dataDir, 'emulator', 'pg_wal');
  const segment = readdirSync(wal).find((name) => /^[\dA-F]{24}$/.test(name));
  if (!segment) throw new Error(`No write-ahead log segment in ${wal}`);
  return [join(dataDir, 'secrets.json'), join(dataDir, 'audit.ndjson'), join(wal, segment)];
}

/** Where in the app's folder the data is copied to. */
export const PLANTED_FOLDERS = ['a dot-folder beside the sources', 'a plain folder beside the sources', 'a dot-folder inside src'] as const;

export interface PlantedData {
  /** The copies of the data files, by folder. */
  readonly files: Readonly<Record<(typeof PLANTED_FOLDERS)[number], readonly string[]>>;
  /** A named pipe among them: opening it blocks until someone writes, so a server that opens it never answers. */
  readonly pipe: string;
  /** Lets go of whoever is blocked opening the pipe. */
  releasePipe(): void;
  remove(): void;
}

/**
 * Copies the data files into three folders under the app's root: a dot-folder beside the sources (where
 * `.data/` used to be), a plain folder, and a dot-folder inside `src/`.
 */
export function plantDataInApp(dataDir: string): PlantedData {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const folders = [
    join(DEMO_ROOT, `.data-e2e-${tag}`),
    join(DEMO_ROOT, `e2e-data-${tag}`),
    join(DEMO_ROOT, 'src', `.data-e2e-${tag}`),
  ] as const;
  const copyInto = (folder: string): string[] =>
    dataFiles(dataDir).map((file) => {
      const copy = join(folder, relative(dataDir, file));
      mkdirSync(join(copy, '..'), { recursive: true });
      copyFileSync(file, copy);
      return copy;
    });
  const files = {
    [PLANTED_FOLDERS[0]]: copyInto(folders[0]),
    [PLANTED_FOLDERS[1]]: copyInto(folders[1]),
    [PLANTED_FOLDERS[2]]: copyInto(folders[2]),
  };
  const pipe = join(folders[0], 'emulator', 'pg_wal', '000000010000000000000009');
  const made = spawnSync('mkfifo', ['-m', '600', pipe]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  const releasePipe = (): void => {
    // Each open for writing lets one blocked reader through (it reads an end of file); at most a few are waiting.
    for (let round = 0; round < 64; round += 1) {
      let fd: number;
      try {
        fd = openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch {
        return;
      }
      closeSync(fd);
    }
  };
  return {
    files,
    pipe,
    releasePipe,
    remove() {
      releasePipe();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    },
  };
}

const posix = (path: string): string => path.split(sep).join('/');

/** Every path (before its query) that could name `file` to Vite or Express. */
function pathForms(file: string): string[] {
  const absolute = posix(file);
  const forms = [
    `/@fs${absolute}`,
    `/@fs/${absolute}`,
    `/@fs${posix(DEMO_ROOT)}/src/${posix(relative(join(DEMO_ROOT, 'src'), file))}`,
    `/@fs${absolute.replaceAll('/', '%2F')}`,
    `/@fs${absolute.replaceAll('.', '%2e')}`,
    absolute,
    `/@id${absolute}`,
    `/@id/__x00__${absolute}`,
    // Without the extension: Vite tries `.json` (and others) on a path that names no file.
    `/@fs${absolute.replace(/\.json$/, '')}`,
  ];
  const inApp = posix(relative(DEMO_ROOT, file));
  if (!inApp.startsWith('..')) {
    forms.push(
      `/${inApp}`,
      `/${inApp.replace(/(^|\/)\./g, '$1%2e')}`,
      `/${inApp.replace(/(^|\/)\./g, '$1%2E')}`,
      `/${inApp.replace(/(^|\/)\./g, '$1%252e')}`,
      `/src/../${inApp}`,
      `/src/%2e%2e/${inApp}`,
      `/node_modules/.vite/deps/../../../${inApp}`,
      `/node_modules/.vite/../../${inApp}`,
      `//${inApp}`,
      `/${inApp.replaceAll('/', '%2F')}`,
      `/${inApp.replace(/\.json$/, '')}`,
    );
  }
  return forms;
}

/** Queries that make Vite read a file a different way, or keep another copy of it. */
const QUERY_FORMS = [
  '',
  '?raw',
  '?import',
  '?url',
  '?inline',
  '?worker',
  '?raw&x=1',
  '?raw&x=2',
  '?import&raw',
  '?t=1700000000000&raw',
  '?direct',
  '?v=deadbeef',
];

/** A path that could be one of the app's routes (`/patients/<id>`): letters, digits, `_` and `-`, no dots. */
const ROUTE_SHAPED = /^(?:\/[\w-]+)+$/;

type Answer = { readonly status: number; readonly body: string } | 'no answer';

/**
 * GET `path` exactly as written (no URL parser in between to resolve `..`), reading at most 2 MB of the body.
 * 'no answer' when the server has not answered within `deadlineMs`.
 */
export function rawGet(baseUrl: string, path: string, deadlineMs: number): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const call = request(
      {
        host: hostname === 'localhost' ? '127.0.0.1' : hostname,
        port,
        path,
        method: 'GET',
        agent: false,
        headers: { host: `${hostname}:${port}` },
      },
      (response) => {
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size > 2_000_000) response.destroy();
        });
        const done = () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') });
        };
        response.on('end', done);
        response.on('close', done);
      },
    );
    const timer = setTimeout(() => {
      call.destroy();
      resolve('no answer');
    }, deadlineMs);
    call.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    call.end();
  });
}

/**
 * Requests every form of every file and returns what went wrong: an answer other than 403/404 (or, for a path
 * shaped like a route such as `/e2e-data/secrets`, the app's own page), a secret in a body, no answer at all
 * (`planted`'s pipe is then let go of). An empty list is the pass.
 */
export async function leaksOf(
  baseUrl: string,
  files: readonly string[],
  secrets: readonly string[],
  planted?: PlantedData,
): Promise<string[]> {
  const appPage = await rawGet(baseUrl, '/', 5_000);
  if (appPage === 'no answer' || appPage.status !== 200) throw new Error(`The app's page did not load from ${baseUrl}`);
  const problems: string[] = [];
  for (const file of files) {
    for (const path of pathForms(file)) {
      for (const query of QUERY_FORMS) {
        const url = `${path}${query}`;
        const answer = await rawGet(baseUrl, url, 5_000);
        if (answer === 'no answer') {
          problems.push(`${url}: no answer within 5 s (the server opened the file)`);
          planted?.releasePipe();
          continue;
        }
        const refused =
          answer.status === 403 ||
          answer.status === 404 ||
          (ROUTE_SHAPED.test(path) && answer.status === 200 && answer.body === appPage.body);
        if (!refused) problems.push(`${url}: HTTP ${answer.status}`);
        const leaked = secrets.filter((secret) => answer.body.includes(secret));
        if (leaked.length > 0) problems.push(`${url}: the body holds ${leaked.length} secret value(s)`);
      }
    }
  }
  return problems;
}
