/**
 * The packages in a stranger's app: the four packages packed as npm would publish them; a new app generated from the
 * stock Vite React + TypeScript template (create-vite from the registry), its own CSS kept; a fresh Express app that
 * mounts the proxy with its own session in front of the emulator's CLI — both on the lowest Node the packages
 * declare. The template is cached between runs (`~/.cache/clinikapi-outside-in`); the tarballs never are.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, chromiumPath } from '../chromium.ts';
import { DOCS_TSCONFIG, docSnippets, registryPackagesFor } from './doc-snippets.ts';
import { declaredNodeRange, enginesDisagreeing, lowestVersion } from './engines.ts';
import { mustSh, sh, startLongRunning, userEnv, type CommandResult, type LongRunning } from './shell.ts';
import { APP_TSX, SERVER_MJS, STRANGER_SESSION_COOKIE } from './stranger-files.ts';
import { buttonLooks, contrastViolations, indistinctVariants, textCentredByHost } from './widget-checks.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PACKAGES = ['core', 'emulator', 'proxy', 'react'] as const;
const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'clinikapi-outside-in');
const NPM_QUIET = '--no-audit --no-fund';

type Tarballs = Record<(typeof PACKAGES)[number], string>;

interface Consumer {
  readonly web: string;
  readonly api: string;
  readonly nodeRange: string;
  readonly lowestNode: string;
  readonly typecheck: CommandResult;
  readonly build: CommandResult;
  readonly docsTypecheck: CommandResult;
  readonly docSnippets: number;
}

/** create-vite's react-ts template at the registry's latest create-vite, generated once per version. */
async function template(): Promise<string> {
  const version = (await mustSh('npm view create-vite version', { cwd: tmpdir() })).stdout.trim();
  const cached = join(CACHE, `create-vite-${version}-react-ts`);
  if (!existsSync(cached)) {
    const scratch = mkdtempSync(join(tmpdir(), 'clinik-create-vite-'));
    await mustSh(`npm create --yes vite@${version} app -- --template react-ts --no-interactive`, { cwd: scratch });
    mkdirSync(CACHE, { recursive: true });
    renameSync(join(scratch, 'app'), cached);
    rmSync(scratch, { recursive: true, force: true });
  }
  return cached;
}

/** The packages as `npm publish` would ship them, built from this checkout now. */
async function packTarballs(into: string): Promise<Tarballs> {
  const workspaces = PACKAGES.map((name) => `-w packages/${name}`).join(' ');
  await mustSh(`npm run build --silent ${workspaces}`, { cwd: ROOT, env: process.env, timeoutMs: 600_000 });
  await mustSh(`npm pack --silent --pack-destination "${into}" ${workspaces}`, { cwd: ROOT, env: process.env });
  const files = readdirSync(into);
  const tarball = (name: string): string => {
    const file = files.find((candidate) => candidate.startsWith(`clinikapi-${name}-`) && candidate.endsWith('.tgz'));
    if (!file) throw new Error(`npm pack made no tarball for @clinikapi/${name} (${files.join(', ')})`);
    return join(into, file);
  };
  return { core: tarball('core'), emulator: tarball('emulator'), proxy: tarball('proxy'), react: tarball('react') };
}

/** A Node binary of exactly `version`, from the registry's `node` package (npx keeps it in npm's cache). */
async function nodeBinDir(version: string, cwd: string): Promise<string> {
  const path = (await mustSh(`npx --yes -p node@${version} -c 'command -v node'`, { cwd })).stdout.trim().split('\n').at(-1) ?? '';
  const reported = (await mustSh(`"${path}" --version`, { cwd })).stdout.trim();
  if (reported !== `v${version}`) throw new Error(`node@${version} from the registry says it is ${reported}`);
  return dirname(path);
}

/** Prints what a user waits for and what lands on their disk: the numbers quoted in the closing notes. */
async function report(what: string, dir: string, install: CommandResult): Promise<void> {
  const size = (await mustSh('du -sh node_modules', { cwd: dir })).stdout.split('\t')[0];
  console.log(`stranger's ${what}: npm install ${install.seconds.toFixed(1)} s, node_modules ${size}`);
}

describe('the packed packages in a stranger’s new Vite app', () => {
  let work = '';
  let consumer: Consumer;
  let emulator: LongRunning | undefined;
  let server: LongRunning | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    chromiumPath();
    work = mkdtempSync(join(tmpdir(), 'clinik-stranger-'));
    const packages = PACKAGES.map((name) => join(ROOT, 'packages', name));
    const nodeRange = declaredNodeRange(packages);
    const lowestNode = lowestVersion(nodeRange);
    const tarballDir = join(work, 'tarballs');
    mkdirSync(tarballDir);
    const [tarballs, templateDir] = await Promise.all([packTarballs(tarballDir), template()]);

    const web = join(work, 'web');
    cpSync(templateDir, web, { recursive: true });
    writeFileSync(join(web, 'src', 'App.tsx'), APP_TSX);
    // The READMEs' TypeScript examples, each a file of the stranger's app, checked with their own compiler.
    const snippets = docSnippets(ROOT);
    mkdirSync(join(web, 'docs-check'));
    for (const snippet of snippets) writeFileSync(join(web, 'docs-check', snippet.fileName), `// ${snippet.source}\n${snippet.code}`);
    writeFileSync(join(web, 'tsconfig.docs.json'), `${JSON.stringify(DOCS_TSCONFIG, null, 2)}\n`);
    const api = join(work, 'api');
    mkdirSync(api);
    writeFileSync(join(api, 'package.json'), `${JSON.stringify({ name: 'riverbend-api', private: true, type: 'module' }, null, 2)}\n`);
    writeFileSync(join(api, 'server.mjs'), SERVER_MJS);

    // As the READMEs say: the widgets with their peer, the FHIR types for TypeScript; the proxy with Express, the
    // emulator as a dev tool. The API app installs with npm running on the lowest Node, refusing any engine mismatch.
    const onLowestNode = userEnv({ PATH: [await nodeBinDir(lowestNode, api), userEnv().PATH].join(delimiter) });
    const installWeb = async (): Promise<void> => {
      const widgets = await mustSh(`npm install ${NPM_QUIET} ${tarballs.core} ${tarballs.react} @tanstack/react-query`, { cwd: web });
      await report('web app (template + widgets)', web, widgets);
      // For the type checks: the FHIR types, and what the READMEs' server-side examples import.
      const devTools = `-D @medplum/fhirtypes ${tarballs.proxy} ${tarballs.emulator} ${registryPackagesFor(snippets).join(' ')}`;
      await mustSh(`npm install ${NPM_QUIET} ${devTools}`, { cwd: web });
    };
    const installApi = async (): Promise<void> => {
      const server = await mustSh(`npm install ${NPM_QUIET} --engine-strict ${tarballs.core} ${tarballs.proxy} express`, {
        cwd: api,
        env: onLowestNode,
      });
      const emulatorTool = await mustSh(`npm install ${NPM_QUIET} --engine-strict -D ${tarballs.emulator}`, {
        cwd: api,
        env: onLowestNode,
      });
      await report('API app (proxy + express, then the emulator)', api, {
        ...emulatorTool,
        seconds: server.seconds + emulatorTool.seconds,
      });
    };
    await Promise.all([installWeb(), installApi()]);
    const typecheck = await sh('npx tsc -b', { cwd: web });
    const build = await sh('npx vite build', { cwd: web });
    const docsTypecheck = await sh('npx tsc -p tsconfig.docs.json', { cwd: web });
    consumer = { web, api, nodeRange, lowestNode, typecheck, build, docsTypecheck, docSnippets: snippets.length };

    const cli = 'npx clinikapi-emulator';
    const data = '--data-dir .emulator';
    // The emulator README's steps: start it, then create a key and seed the clinic (through its admin API).
    emulator = await startLongRunning(`${cli} start --port 0 --admin-port 0 ${data}`, {
      cwd: api,
      env: onLowestNode,
      ready: /listening on (http:\/\/\S+)/,
      timeoutMs: 60_000,
    });
    const key = (
      await mustSh(`${cli} keys create --org org_riverbend --env test --plan pro ${data}`, { cwd: api, env: onLowestNode })
    ).stdout.trim();
    await mustSh(`${cli} seed --org org_riverbend ${data}`, { cwd: api, env: onLowestNode });
    server = await startLongRunning('node server.mjs', {
      cwd: api,
      env: { ...onLowestNode, CLINIKAPI_SECRET_KEY: key, CLINIKAPI_URL: emulator.ready, WEB_DIST: join(web, 'dist') },
      ready: /listening on (http:\/\/\S+)/,
      timeoutMs: 60_000,
    });
    browser = await chromium.launch(chromiumLaunchOptions());
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.stop();
    // OUTSIDE_IN_KEEP=1 leaves the apps in place, to look into a failure.
    if (work && !process.env.OUTSIDE_IN_KEEP) rmSync(work, { recursive: true, force: true });
    else if (work) console.log(`stranger's apps kept in ${work}`);
  });

  it('type-checks with the template’s own TypeScript (tsc -b)', () => {
    expect(consumer.typecheck.code, consumer.typecheck.output).toBe(0);
  });

  it('builds with the template’s own Vite', () => {
    expect(consumer.build.code, consumer.build.output).toBe(0);
  });

  it('type-checks every TypeScript example of the READMEs and guides against the packed packages', () => {
    expect(consumer.docSnippets).toBeGreaterThan(10);
    expect(consumer.docsTypecheck.code, consumer.docsTypecheck.output).toBe(0);
  });

  it('installs with --engine-strict on the lowest declared Node, and every dependency accepts every declared Node', () => {
    // The install itself ran with --engine-strict at the lowest version; this covers the whole declared range.
    const roots = ['@clinikapi/core', '@clinikapi/proxy', '@clinikapi/emulator'];
    expect(enginesDisagreeing(consumer.api, roots, consumer.nodeRange)).toEqual([]);
    expect(enginesDisagreeing(consumer.web, ['@clinikapi/react'], consumer.nodeRange)).toEqual([]);
  });

  it('runs the emulator CLI and the proxy on the lowest declared Node', async () => {
    expect(server?.output()).toContain(`on Node v${consumer.lowestNode}`);
    const cookie = `${STRANGER_SESSION_COOKIE.name}=${STRANGER_SESSION_COOKIE.value}`;
    const answer = await fetch(new URL('/api/clinik/patients', server?.ready), { headers: { cookie } });
    expect(answer.status).toBe(200);
    // The envelope `{ data, meta }` around a page `{ data: [...], total, cursor, hasMore }`: the seeded clinic.
    expect(((await answer.json()) as { data: { data: unknown[] } }).data.data.length).toBeGreaterThan(0);
  });

  describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
    let page: Page;
    const pageErrors: string[] = [];
    /** `status path` of every call the page made to the proxy. */
    const proxyCalls: string[] = [];

    beforeAll(async () => {
      const context = await (browser as Browser).newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ ...STRANGER_SESSION_COOKIE, url: server?.ready as string }]);
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (pathname.startsWith('/api/clinik/')) proxyCalls.push(`${response.status()} ${pathname}`);
      });
      await page.goto(server?.ready as string);
      const firstPatient = page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first();
      await firstPatient.waitFor({ timeout: 60_000 });
      const name = (await firstPatient.textContent())?.trim() ?? '';
      await firstPatient.click();
      await page.getByRole('heading', { name }).first().waitFor({ timeout: 60_000 });
      await page.getByRole('form', { name: 'Record vitals' }).waitFor({ timeout: 60_000 });
      await page.getByRole('form', { name: 'Book an appointment' }).getByRole('radio').first().waitFor({ timeout: 60_000 });
    }, 180_000);

    afterAll(async () => {
      await page?.context().close();
    });

    it('loads every widget’s data through the proxy, with no failed call and no page error', () => {
      // The list, then the chosen patient's record (which the dashboard, vitals and scheduler share), all answered.
      expect(
        proxyCalls.filter((call) => /^\d+ \/api\/clinik\/patients$/.test(call)),
        proxyCalls.join(', '),
      ).not.toEqual([]);
      expect(
        proxyCalls.filter((call) => /^\d+ \/api\/clinik\/patients\/[^/]+$/.test(call)),
        proxyCalls.join(', '),
      ).not.toEqual([]);
      expect(proxyCalls.filter((call) => !call.startsWith('2'))).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('has no color-contrast violation inside the widgets (axe)', async () => {
      expect(await contrastViolations(page)).toEqual([]);
    });

    it('keeps widget text where the widgets put it: the template’s centring does not reach in', async () => {
      expect(await textCentredByHost(page)).toEqual([]);
    });

    it('keeps the button variants distinct from each other', async () => {
      const looks = await buttonLooks(page);
      expect(Object.keys(looks).length, `variants on the page: ${JSON.stringify(looks)}`).toBeGreaterThanOrEqual(2);
      expect(indistinctVariants(looks)).toEqual([]);
    });
  });

  it('ships no JavaScript that imports @medplum/fhirtypes: it is types only', () => {
    // The web app has all four packages (the widgets, and the server side for the examples' type check).
    const installed = join(consumer.web, 'node_modules', '@clinikapi');
    expect(readdirSync(installed).sort()).toEqual(['core', 'emulator', 'proxy', 'react']);
    const offenders = readdirSync(installed, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .filter((file) => readFileSync(join(installed, file), 'utf8').includes('@medplum/fhirtypes'));
    expect(offenders).toEqual([]);
  });
});
