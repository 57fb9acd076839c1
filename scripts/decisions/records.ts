/**
 * Writes the generated parts of the decision records (docs/decisions/):
 *
 * - each `<!-- bench:ID -->…<!-- /bench -->` region, from that figure in bench-results.json (`npm run bench` writes it);
 * - each record's `<!-- figures -->` footer: which figures it quotes, when and by which bench they were measured;
 * - the index in docs/decisions/README.md, from the records' titles and areas.
 *
 *   node scripts/decisions/records.ts           rewrite what differs
 *   node scripts/decisions/records.ts --check   fail if anything differs (`npm test`)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFigure, readBenchResults, type BenchResults } from '../bench-results.ts';
import { DECISIONS_DIR, recordFiles } from './records-files.ts';

const FIGURE = /<!-- bench:([\w.-]+) -->[\s\S]*?<!-- \/bench -->/g;
const FOOTER = /\n*<!-- figures -->[\s\S]*?<!-- \/figures -->\n?$/;
const INDEX = /<!-- index -->[\s\S]*?<!-- \/index -->/;

function renderRecord(text: string, results: BenchResults, name: string, problems: string[]): string {
  const used: string[] = [];
  const body = text.replace(FOOTER, '\n').replace(FIGURE, (_, id: string) => {
    const result = results[id];
    if (!result) {
      problems.push(`${name}: no figure "${id}" in bench-results.json`);
      return `<!-- bench:${id} -->?<!-- /bench -->`;
    }
    if (!used.includes(id)) used.push(id);
    return `<!-- bench:${id} -->${formatFigure(result)}<!-- /bench -->`;
  });
  if (used.length === 0) return body;
  const lines = used.map((id) => {
    const { measured, source, rounds } = results[id] as BenchResults[string];
    return `- \`${id}\`: measured ${measured}${rounds ? `, ${rounds} rounds` : ''}, by \`${source}\``;
  });
  const intro =
    'Figures generated from [bench-results.json](bench-results.json) (`npm run bench`, then `node scripts/decisions/records.ts`):';
  return `${body.trimEnd()}\n\n<!-- figures -->\n${intro}\n\n${lines.join('\n')}\n<!-- /figures -->\n`;
}

/** `# 0042. Title` and `Area: …` of a record. */
function heading(text: string, name: string): { title: string; area: string } {
  const title = /^# (.+)$/m.exec(text)?.[1];
  const area = /^Area: ([^·\n]+)/m.exec(text)?.[1]?.trim();
  if (!title || !area) throw new Error(`${name}: a record starts with "# NNNN. Title" and an "Area: …" line`);
  return { title, area };
}

function renderIndex(readme: string, records: readonly { name: string; text: string }[]): string {
  const areas = new Map<string, string[]>();
  for (const { name, text } of records) {
    const { title, area } = heading(text, name);
    areas.set(area, [...(areas.get(area) ?? []), `- [${title}](${name})`]);
  }
  const list = [...areas].map(([area, items]) => `### ${area}\n\n${items.join('\n')}`).join('\n\n');
  return readme.replace(INDEX, `<!-- index -->\n${list}\n<!-- /index -->`);
}

const check = process.argv.includes('--check');
const results = readBenchResults();
const problems: string[] = [];
const stale: string[] = [];
const write = (file: string, before: string, after: string) => {
  if (before === after) return;
  stale.push(file);
  if (!check) writeFileSync(join(DECISIONS_DIR, file), after);
};

const records = recordFiles().map((name) => {
  const text = readFileSync(join(DECISIONS_DIR, name), 'utf8');
  const rendered = renderRecord(text, results, name, problems);
  write(name, text, rendered);
  return { name, text: rendered };
});
const readme = readFileSync(join(DECISIONS_DIR, 'README.md'), 'utf8');
if (!INDEX.test(readme)) problems.push('README.md: no <!-- index --> region');
write('README.md', readme, renderIndex(readme, records));

for (const problem of problems) console.log(`✘ ${problem}`);
if (check && stale.length > 0) console.log(`✘ out of date (run node scripts/decisions/records.ts): ${stale.join(', ')}`);
else if (!check && stale.length > 0) console.log(`updated: ${stale.join(', ')}`);
const ok = problems.length === 0 && (!check || stale.length === 0);
if (ok) console.log(`✔ ${records.length} decision records${check ? ' match bench-results.json and the index' : ''}`);
process.exit(ok ? 0 : 1);
