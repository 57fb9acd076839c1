/** Where the decision records live, and which files in it are records (`NNNN-short-title.md`). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DECISIONS_DIR = join(import.meta.dirname, '../../docs/decisions');

/** Record file names in number order. */
export const recordFiles = (): string[] =>
  readdirSync(DECISIONS_DIR)
    .filter((name) => /^\d{4}-[a-z0-9-]+\.md$/.test(name))
    .sort();
