/**
 * PatientDashboard's time to content against the emulator running in this page (the same in-memory emulator the
 * stories use, answering the proxy mount with no network), for a patient with a full clinical record: from render
 * to every section showing its records. Each run uses a fresh query cache, so each one makes its request.
 */
import { createBrowserEmulator } from '@clinikapi/emulator/browser';
import { QueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { PatientDashboard } from '../../src/components/PatientDashboard/PatientDashboard.tsx';
import { ClinikProvider } from '../../src/provider/ClinikProvider.tsx';
import '../../src/styles/index.css';
import { seedClinicalRecord } from '../../src/test/clinical-fixtures.ts';
import { summarise, until } from './bench-page.ts';

const MOUNT = '/api/clinik';
const RUNS = 15;

async function setUp() {
  const emulator = await createBrowserEmulator({ seed: true });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await emulator.handleProxyRequest(
      new Request(`${location.origin}${MOUNT}/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
      MOUNT,
    );
    return ((await response.json()) as { data: unknown }).data;
  };
  const found = (await call('GET', 'patients?name=Okafor')) as { data: { id: string }[] };
  const patientId = found.data[0]?.id as string;
  await seedClinicalRecord(async (path, body) => (await call('POST', path, body)) as { id: string }, patientId);
  const requestTimes: number[] = [];
  const viaEmulator = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const started = performance.now();
    const response = await emulator.handleProxyRequest(new Request(input, init), MOUNT);
    requestTimes.push(performance.now() - started);
    return response;
  }) as typeof fetch;
  return { patientId, viaEmulator, requestTimes };
}

/** Every section has its records: nothing busy, and a record from each kind on screen. */
function hasContent(container: HTMLElement): boolean {
  const text = container.textContent ?? '';
  return (
    container.querySelector('[aria-busy="true"]') === null &&
    [
      'Penicillin',
      'Essential hypertension',
      'Systolic',
      'Amlodipine 5mg tablet',
      'Blood pressure review',
      'Annual review',
      'Chest X-ray 2 views',
      'Emergency department discharge',
    ].every((needle) => text.includes(needle))
  );
}

async function run() {
  const { patientId, viaEmulator, requestTimes } = await setUp();
  const toHeader: number[] = [];
  const toContent: number[] = [];
  let requests = 0;
  for (let index = 0; index < RUNS; index += 1) {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const before = requestTimes.length;
    const started = performance.now();
    root.render(
      <ClinikProvider proxyUrl={MOUNT} fetch={viaEmulator} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <PatientDashboard patientId={patientId} />
      </ClinikProvider>,
    );
    await until(() => container.querySelector('h3') !== null && (container.querySelector('h3')?.textContent ?? '') === 'Amara Okafor');
    toHeader.push(performance.now() - started);
    await until(() => hasContent(container));
    toContent.push(performance.now() - started);
    requests = requestTimes.length - before;
    root.unmount();
    container.remove();
  }
  return {
    requestsPerDashboard: requests,
    emulatorRequest: summarise(requestTimes),
    timeToHeader: summarise(toHeader),
    timeToContent: summarise(toContent),
    firstRun: { toHeader: toHeader[0], toContent: toContent[0] },
  };
}

window.runBench = run;
