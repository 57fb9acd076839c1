/**
 * Turns rows of the old DECISIONS.md tables (`| Topic | The docs | What we do, and why |` under `## Area` headings)
 * into records in docs/decisions/, one a row, numbered after the last record. For branches that still add rows to
 * the tables: put their rows (with their `##` heading and table header) in a file and run
 *
 *   node scripts/decisions/from-table.ts rows.md        then   node scripts/decisions/records.ts
 *
 * The split of a row's last cell into decision and consequences is by sentence (measurements, tests, what was
 * rejected or tried, what is not supported go to consequences): read each new record once and mend it by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DECISIONS_DIR, recordFiles } from './records-files.ts';

interface Row {
  readonly area: string;
  readonly areaContext: string;
  readonly sourceLabel: string;
  readonly topic: string;
  readonly source: string;
  readonly decision: string;
  readonly line: number;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Cells of a table row; `\|` inside a cell is a literal bar. */
function cells(line: string): string[] {
  return line
    .slice(1, line.lastIndexOf('|'))
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

function parseTables(text: string): Row[] {
  const rows: Row[] = [];
  let area = 'Across the project';
  let areaContext: string[] = [];
  let sourceLabel = 'The docs';
  let inTable = false;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('## ')) {
      area = line.slice(3).trim();
      areaContext = [];
      inTable = false;
    } else if (line.startsWith('|')) {
      const [topic = '', source = '', decision = ''] = cells(line);
      if (!inTable) {
        sourceLabel = source;
        inTable = true;
      } else if (!/^-+$/.test(topic)) {
        rows.push({ area, areaContext: areaContext.join(' '), sourceLabel, topic, source, decision, line: index + 1 });
      }
    } else if (line.trim() && !line.startsWith('#')) {
      if (!inTable) areaContext.push(line.trim());
    }
  });
  return rows;
}

/** Sentences of a cell, never cut inside brackets or code. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let code = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '`') code = !code;
    else if (!code && char === '(') depth += 1;
    else if (!code && char === ')') depth = Math.max(0, depth - 1);
    else if (!code && depth === 0 && /[.!?]/.test(char ?? '') && text[i + 1] === ' ' && /[A-Z`*"“]/.test(text[i + 2] ?? '')) {
      out.push(text.slice(start, i + 1).trim());
      start = i + 2;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/** A sentence about what a decision costs, rules out or how it is checked: its consequences. */
const CONSEQUENCE = new RegExp(
  [
    '^(\\*\\*)?(Cost|Measured|Rejected|Not chosen|Tried|Considered|Checked|Not supported|Not carried|Not reverted|There is no',
    '|Clients must|Profiled|Earlier|Where the full pipeline|What the audit costs|With the session cache off',
    '|A (generated |type |core |runtime )?test|An emulator test|Every widget tree-shakes|recharts costs|size-limit)',
    '|npm test|npm run bench|\\btested\\b|fails CI|\\bmeasured\\b|the bench',
  ].join(''),
  'i',
);

/** `X, so Y.` → `X.` and `Y.`: the effect of a choice, cut only outside brackets and code. */
function soClause(sentence: string): [string, string] | undefined {
  let depth = 0;
  let code = false;
  for (let i = 0; i < sentence.length; i += 1) {
    const char = sentence[i];
    if (char === '`') code = !code;
    else if (!code && char === '(') depth += 1;
    else if (!code && char === ')') depth = Math.max(0, depth - 1);
    else if (!code && depth === 0 && sentence.startsWith(', so ', i)) {
      const effect = sentence.slice(i + 5);
      return [`${sentence.slice(0, i)}.`, `${effect.charAt(0).toUpperCase()}${effect.slice(1)}`];
    }
  }
  return undefined;
}

function split(text: string): { decision: string[]; consequences: string[] } {
  const decision: string[] = [];
  const consequences: string[] = [];
  sentences(text).forEach((sentence, index) => {
    if (index > 0 && CONSEQUENCE.test(sentence)) consequences.push(sentence);
    else {
      const cut = soClause(sentence);
      decision.push(cut ? cut[0] : sentence);
      if (cut) consequences.push(cut[1]);
    }
  });
  return { decision, consequences };
}

const slug = (topic: string): string =>
  topic
    .toLowerCase()
    .replace(/[`*"“”'’]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');

/** The date each line of a tracked file last changed, from `git blame`; none for a file git does not know (then today's). */
function lineDates(file: string): Map<number, string> {
  const dates = new Map<number, string>();
  try {
    const blame = execFileSync('git', ['blame', '--line-porcelain', relative(ROOT, file)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let line = 0;
    for (const entry of blame.split('\n')) {
      const header = /^[0-9a-f]{40} \d+ (\d+)/.exec(entry);
      if (header) line = Number(header[1]);
      const time = /^author-time (\d+)/.exec(entry);
      if (time) dates.set(line, new Date(Number(time[1]) * 1000).toISOString().slice(0, 10));
    }
  } catch {
    // Not in git: the records are dated today.
  }
  return dates;
}

function recordText(number: number, row: Row, date: string): string {
  const { decision, consequences } = split(row.decision);
  const source = row.source === '—' || row.source === '' ? 'Nothing is said.' : row.source;
  return [
    `# ${String(number).padStart(4, '0')}. ${row.topic}`,
    '',
    `Area: ${row.area} · Last revised: ${date}`,
    '',
    '## Context',
    '',
    ...(row.areaContext ? [row.areaContext, ''] : []),
    `${row.sourceLabel}: ${source}`,
    '',
    '## Decision',
    '',
    decision.join(' '),
    '',
    '## Consequences',
    '',
    consequences.length > 0
      ? consequences.join(' ')
      : 'None written down in the table row: write them (what it costs, rules out, how it is checked).',
    '',
  ].join('\n');
}

if (import.meta.main) {
  const input = process.argv[2];
  if (!input || !existsSync(input)) {
    console.error('usage: node scripts/decisions/from-table.ts <file with DECISIONS.md-style tables>');
    process.exit(2);
  }
  const { readFileSync } = await import('node:fs');
  const rows = parseTables(readFileSync(input, 'utf8'));
  const dates = lineDates(resolve(input));
  let next = Math.max(0, ...recordFiles().map((file) => Number(file.slice(0, 4)))) + 1;
  const taken = new Set(readdirSync(DECISIONS_DIR));
  for (const row of rows) {
    const name = `${String(next).padStart(4, '0')}-${slug(row.topic)}.md`;
    if (taken.has(name)) throw new Error(`${name} exists`);
    writeFileSync(join(DECISIONS_DIR, name), recordText(next, row, dates.get(row.line) ?? new Date().toISOString().slice(0, 10)));
    console.log(`docs/decisions/${name}`);
    next += 1;
  }
}
