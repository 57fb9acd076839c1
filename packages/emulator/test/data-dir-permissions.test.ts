/**
 * An emulator data dir holds every record and the hashes of the keys: its folders are 0700 and its files 0600 — the
 * files PGlite writes when it creates the database, those written while it serves, and those of a dir an earlier
 * version left open to everyone. Every entry is stat'ed.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/node/server.ts';
import { newOrganisationKey } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'clinik-emulator-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every entry under `dir` (and `dir` itself) whose mode is not 0700 for a folder or 0600 for a file. */
function notPrivate(dir: string): string[] {
  const entries = ['', ...readdirSync(dir, { recursive: true, encoding: 'utf8' })];
  return entries.flatMap((name) => {
    const stats = statSync(join(dir, name));
    const mode = stats.mode & 0o777;
    const wanted = stats.isDirectory() ? 0o700 : 0o600;
    return mode === wanted ? [] : [`${name || '.'}: ${mode.toString(8)}`];
  });
}

let organisations = 0;

/** Starts an emulator on `dataDir`, writes records through its API, and stops it; `check` runs while it serves. */
async function useEmulator(dataDir: string, check: () => void): Promise<void> {
  const running = await startEmulator({ dataDir });
  try {
    organisations += 1;
    const organisationId = `org_modes_${organisations}`;
    const clinic = await newOrganisationKey(running, organisationId);
    const created = await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Mode', lastName: 'Check' }) });
    expect(created.status).toBe(201);
    check();
  } finally {
    await running.stop();
  }
}

describe('the data dir', () => {
  it('is created 0700 with every file 0600, while the emulator serves and after it stops', async () => {
    const dataDir = join(root, 'new', 'emulator');
    await useEmulator(dataDir, () => {
      expect(readdirSync(dataDir, { recursive: true }).length).toBeGreaterThan(100);
      expect(notPrivate(dataDir)).toEqual([]);
    });
    expect(notPrivate(dataDir)).toEqual([]);
    expect((statSync(join(root, 'new')).mode & 0o777).toString(8)).toBe('700');
  }, 60_000);

  it('is made private when an earlier version left it open to everyone', async () => {
    const dataDir = join(root, 'loose');
    await useEmulator(dataDir, () => undefined);
    for (const name of ['', ...readdirSync(dataDir, { recursive: true, encoding: 'utf8' })]) {
      const path = join(dataDir, name);
      chmodSync(path, statSync(path).isDirectory() ? 0o777 : 0o666);
    }
    await useEmulator(dataDir, () => expect(notPrivate(dataDir)).toEqual([]));
  }, 60_000);
});
