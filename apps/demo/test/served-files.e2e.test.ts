/**
 * The development server (`npm start`) hands a browser the app and nothing else: not the demo's data — wherever it
 * is, however it is asked for — not the server's own code, not the repository's files. Its hot-reload socket shares
 * the app's port. Plain HTTP: no browser needed. The production server gets the same requests in
 * production.e2e.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNotServed, DataDirError, defaultDataDir } from '../server/data-dir.ts';
import { startDemo, type RunningDemo } from '../server/demo-server.ts';
import { DEMO_ROOT, REPO_ROOT, VITE_CACHE_DIR } from '../server/served-sources.ts';
import { dataFiles, leaksOf, PLANTED_FOLDERS, plantDataInApp, rawGet, secretValues, type PlantedData } from './served-files.ts';

let dataDir: string;
let demo: RunningDemo | undefined;
let planted: PlantedData | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clinik-demo-files-'));
  // A cold start, as after a fresh install: Vite bundles the dependencies while the first requests for them wait.
  rmSync(VITE_CACHE_DIR, { recursive: true, force: true });
  demo = await startDemo({ dataDir, port: 0 });
  planted = plantDataInApp(dataDir);
}, 120_000);

afterAll(async () => {
  planted?.remove();
  await demo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const answer = await rawGet((demo as RunningDemo).url, path, 10_000);
  if (answer === 'no answer') throw new Error(`No answer for ${path}`);
  return answer;
};

describe('the development server', () => {
  // First: the dependency cache was emptied just before the demo started.
  it('serves the pre-bundled dependencies the app imports, also before Vite has written them (a cold start)', async () => {
    const app = (await get('/src/App.tsx')).body;
    const dependencies = [...new Set(app.match(/\/node_modules\/\.vite\/deps\/[\w.-]+\.js\?v=[\da-f]{8}/g))];
    expect(dependencies.length).toBeGreaterThan(1);
    const answers = await Promise.all(dependencies.map(async (path) => ({ path, status: (await get(path)).status })));
    expect(answers.filter(({ status }) => status !== 200)).toEqual([]);
  });

  it("refuses every way of asking for the demo's data in its data dir", async () => {
    expect(await leaksOf((demo as RunningDemo).url, dataFiles(dataDir), secretValues(dataDir))).toEqual([]);
  });

  it.each(PLANTED_FOLDERS)("refuses every way of asking for a copy of the data in %s of the app's folder", async (folder) => {
    expect(await leaksOf((demo as RunningDemo).url, (planted as PlantedData).files[folder], secretValues(dataDir))).toEqual([]);
  });

  it('refuses without opening the file: a named pipe, which blocks whoever opens it, is refused at once', async () => {
    const pipe = (planted as PlantedData).pipe;
    expect(await leaksOf((demo as RunningDemo).url, [pipe], secretValues(dataDir), planted)).toEqual([]);
  });

  it("refuses the server's code, the repository's files and dotfiles", async () => {
    const refused = [
      '/server/demo-server.ts',
      '/server/demo-server.ts?raw',
      `/@fs${DEMO_ROOT}/server/main.ts`,
      '/vite.config.ts',
      '/package.json',
      `/@fs${REPO_ROOT}/package.json`,
      // node_modules links the workspace's packages, the demo among them.
      `/@fs${REPO_ROOT}/node_modules/@clinikapi/demo/server/demo-server.ts`,
      `/@fs${REPO_ROOT}/node_modules/@clinikapi/proxy/src/index.ts`,
      `/@fs${REPO_ROOT}/node_modules/.package-lock.json`,
      `/@fs${REPO_ROOT}/packages/emulator/src/index.ts`,
      '/.gitignore',
      '/@fs/etc/passwd',
      // Vite's bookkeeping beside the pre-bundled dependencies (the first test has had them bundled).
      '/node_modules/.vite/deps/_metadata.json',
      '/node_modules/.vite/deps/package.json',
    ];
    const answers = await Promise.all(refused.map(async (path) => [path, (await get(path)).status] as const));
    expect(answers.filter(([, status]) => status !== 403 && status !== 404)).toEqual([]);
  });

  it("serves the app: its page on every route, its sources, the packages' sources and Vite's client", async () => {
    for (const path of ['/', '/patients/pat_1', '/src/App.tsx', `/@fs${REPO_ROOT}/packages/core/src/index.ts`, '/@vite/client']) {
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
    }
    expect((await get('/patients/pat_1')).body).toContain('<div id="root"></div>');
  });

  it('runs hot reload over the app’s own port: no second port to be taken or unreachable', async () => {
    const client = (await get('/@vite/client')).body;
    expect(client).toMatch(/const hmrPort = null;/);
    const token = /const wsToken = "([^"]+)";/.exec(client)?.[1];
    const { port } = new URL((demo as RunningDemo).url);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
    try {
      const first = await new Promise<string>((resolve, reject) => {
        socket.addEventListener('message', (event) => resolve(String(event.data)), { once: true });
        socket.addEventListener('error', () => reject(new Error('The hot-reload socket did not open on the app’s port')), { once: true });
      });
      expect(JSON.parse(first)).toEqual({ type: 'connected' });
    } finally {
      socket.close();
    }
  });
});

describe('the data dir', () => {
  it("defaults to the user's state dir, outside the repository", () => {
    const chosen = defaultDataDir({});
    expect(chosen.startsWith(REPO_ROOT)).toBe(false);
    expect(() => assertNotServed(chosen)).not.toThrow();
    expect(defaultDataDir({ CLINIKAPI_DEMO_DATA_DIR: '/srv/clinic-demo' })).toBe('/srv/clinic-demo');
  });

  it('may not be anywhere the development server serves from: the demo refuses to start, creating nothing', async () => {
    const tag = `e2e-refused-${process.pid}`;
    for (const dir of [join(DEMO_ROOT, `.data-${tag}`), join(DEMO_ROOT, 'src', tag), join(REPO_ROOT, 'node_modules', `.${tag}`)]) {
      try {
        await expect(startDemo({ dataDir: dir, port: 0 })).rejects.toThrow(DataDirError);
        expect(existsSync(dir)).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
