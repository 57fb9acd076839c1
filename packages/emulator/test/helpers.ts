/** Shared set-up for the emulator's HTTP tests: a running emulator on PGlite and a keyed fetch for it. */
import type { RunningEmulator } from '../src/node/server.ts';

export interface Caller {
  (path: string, init?: RequestInit): Promise<Response>;
  readonly key: string;
}

/** A fetch bound to `running` that sends `key` as `x-api-key`. */
export function callerFor(running: RunningEmulator, key: string): Caller {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', 'x-api-key': key, ...(init.headers as Record<string, string>) },
    });
  return Object.assign(call, { key });
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function newOrganisationKey(
  running: RunningEmulator,
  organisationId: string,
  options: { environment?: 'test' | 'live'; scopes?: string[]; plan?: 'sandbox' | 'pro' | 'enterprise' } = {},
): Promise<Caller> {
  await running.emulator.admin.ensureOrganisation(organisationId, { name: organisationId, plan: options.plan ?? 'pro' });
  const { key } = await running.emulator.admin.createKey({
    organisationId,
    environment: options.environment ?? 'test',
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
  return callerFor(running, key);
}
