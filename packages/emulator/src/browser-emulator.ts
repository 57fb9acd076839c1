/**
 * A ready-to-use in-memory emulator with one organisation, a key, and (optionally) the demo patients — plus the
 * one step a proxy would do, for environments that have no server: turn `<mount>/patients` into `/v1/patients` with
 * the key attached.
 */
import { createEmulator, type Emulator } from './emulator.ts';
import { seedDemoPatients } from './seed/seed.ts';
import { createMemoryStore } from './store/memory.ts';

export interface BrowserEmulator {
  readonly emulator: Emulator;
  /** Answers a request aimed at the proxy mount (e.g. `/api/clinik/patients?name=a`) as the proxy would. */
  handleProxyRequest(request: Request, mount: string): Promise<Response>;
}

export interface BrowserEmulatorOptions {
  /** Load the 20 demo patients (default true). */
  readonly seed?: boolean;
  /** With `seed`, also their clinical records and a practitioner (default false). */
  readonly clinical?: boolean;
  readonly now?: () => number;
}

export async function createBrowserEmulator(options: BrowserEmulatorOptions = {}): Promise<BrowserEmulator> {
  const emulator = createEmulator({ store: createMemoryStore(), ...(options.now ? { now: options.now } : {}) });
  await emulator.admin.createOrganisation({ id: 'org_browser', name: 'Browser clinic', plan: 'enterprise' });
  const { key } = await emulator.admin.createKey({ organisationId: 'org_browser', environment: 'test' });
  if ((options.seed ?? true) && options.clinical) await emulator.admin.seedDemoData('org_browser', 'test');
  else if (options.seed ?? true) await seedDemoPatients({ fetch: emulator.fetch, key });

  return {
    emulator,
    async handleProxyRequest(request, mount) {
      const url = new URL(request.url);
      const path = url.pathname.startsWith(mount) ? url.pathname.slice(mount.length) : url.pathname;
      const headers = new Headers();
      for (const name of ['accept', 'content-type', 'if-match', 'idempotency-key']) {
        const value = request.headers.get(name);
        if (value !== null) headers.set(name, value);
      }
      headers.set('x-api-key', key);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      return emulator.fetch(
        new Request(`http://emulator.local/v1${path}${url.search}`, {
          method: request.method,
          headers,
          ...(hasBody ? { body: await request.arrayBuffer() } : {}),
        }),
      );
    },
  };
}
