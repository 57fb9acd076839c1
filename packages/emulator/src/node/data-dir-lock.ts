/**
 * PGlite is a single-process database: two processes opening one data dir would corrupt it. A lock file holding the
 * owner's pid makes the second one fail with a message instead; a lock left by a crashed process is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPrivateDir } from './private-dir.ts';

const LOCK_FILE = 'emulator.lock';
/** Data dirs this process holds: the pid in the file cannot tell two openers in one process apart. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process (other than this one) that holds `dataDir`, if any. */
export function dataDirHolder(dataDir: string): number | undefined {
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(join(resolve(dataDir), LOCK_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  return holder && holder !== process.pid && isAlive(holder) ? holder : undefined;
}

/** Takes the lock on `dataDir` and returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  if (heldHere.has(dir)) throw new Error(`The data dir ${dataDir} is already open in this process`);
  createPrivateDir(dir);
  const path = join(dir, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(path, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`The data dir ${dataDir} is in use by process ${holder}; stop it first or use another --data-dir`);
  }
  writeFileSync(path, String(process.pid), { mode: 0o600 });
  heldHere.add(dir);
  return () => {
    heldHere.delete(dir);
    rmSync(path, { force: true });
  };
}
