/**
 * An emulator data dir holds every record and the hashes of the API keys: only its owner may read it. PGlite copies
 * its initial files from an in-memory template with mode 0666, so once it has opened the dir every folder in it is
 * made 0700 and every file 0600. Files PostgreSQL creates later are 0600 already, and all of them sit in a 0700 dir.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Creates `dir` (and missing parents) with mode 0700, or makes an existing one 0700. */
export function createPrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Makes `dir` and every folder in it 0700 and every file 0600. Symbolic links are left alone, not followed. */
export function makeTreePrivate(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o700);
    else if (entry.isFile()) chmodSync(join(entry.parentPath, entry.name), 0o600);
  }
}
