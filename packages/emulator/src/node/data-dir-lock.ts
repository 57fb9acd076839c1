/**
 * PGlite is a single-process database: two processes opening one data dir would corrupt it. A lock file holding the
 * owner's pid makes the second one fail with a message instead; a lock left by a crashed process is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'emulator.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dataDir` and returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(path, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`The data dir ${dataDir} is in use by process ${holder}; stop it first or use another --data-dir`);
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
