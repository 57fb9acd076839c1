/** The fenced code blocks of a Markdown (or MDX) file, with the heading each one sits under. */
export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly heading: string;
  readonly body: string;
}

export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(line);
    if (headingMatch) heading = (headingMatch[1] as string).trim();
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !/^```\s*$/.test(lines[index] as string); index += 1) body.push(lines[index] as string);
    blocks.push({ file, line: start + 1, lang: fence[1] ?? '', heading, body: `${body.join('\n')}\n` });
  }
  return blocks;
}

/** The blocks under `heading` in `lang`, in order; throws when there are fewer than `count`, so no test passes on nothing. */
export function blocksUnder(file: string, markdown: string, heading: string, lang: string, count: number): CodeBlock[] {
  const found = codeBlocks(file, markdown).filter((block) => block.heading === heading && block.lang === lang);
  if (found.length < count) throw new Error(`${file} has ${found.length} \`\`\`${lang} blocks under "${heading}", not ${count}`);
  return found;
}
