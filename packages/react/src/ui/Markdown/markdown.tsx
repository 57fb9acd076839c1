/**
 * The one markdown renderer of the widgets, wherever markdown is shown (a note's text, its preview, a dashboard's
 * notes card): headings, paragraphs, lists, block quotes, rules, fenced code, and inline bold, italics, code and
 * links. It builds React elements — never HTML strings — so whatever a note contains is text to React, and a link is
 * kept only when it is a web address (`isWebLink`: http or https with a host; no `javascript:`, `data:` or relative
 * URL). A full markdown library would cost more than a widget; notes need only this much.
 */
import { isWebLink } from '@clinikapi/core';
import { Fragment, type ReactNode } from 'react';

export interface MarkdownOptions {
  /**
   * The HTML heading level a note's top heading becomes, so the note fits the page's outline under the widget's own
   * headings. Deeper headings follow, one level at a time, up to h6. Default 4.
   */
  readonly headingLevel?: 2 | 3 | 4 | 5 | 6;
}

type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

function blocksOf(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !(lines[index] as string).trimStart().startsWith(fence[1] as string))
        body.push(lines[index++] as string);
      index += 1; // the closing fence, if any
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', depth: (heading[1] as string).length, text: heading[2] as string });
      index += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      index += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (let match = QUOTE.exec(line); match; match = QUOTE.exec(lines[index] ?? '')) {
        quoted.push(match[1] as string);
        index += 1;
      }
      blocks.push({ kind: 'quote', lines: quoted });
      continue;
    }
    const numbered = NUMBERED.exec(line);
    if (numbered || BULLET.test(line)) {
      const pattern = numbered ? NUMBERED : BULLET;
      const items: string[] = [];
      for (let match = pattern.exec(line); match; match = pattern.exec(lines[index] ?? '')) {
        items.push((numbered ? match[2] : match[1]) as string);
        index += 1;
      }
      blocks.push({ kind: 'list', ordered: Boolean(numbered), start: numbered ? Number(numbered[1]) : 1, items });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const next = lines[index] as string;
      if (
        next.trim() === '' ||
        HEADING.test(next) ||
        FENCE.test(next) ||
        QUOTE.test(next) ||
        BULLET.test(next) ||
        NUMBERED.test(next) ||
        RULE.test(next)
      )
        break;
      paragraph.push(next.trim());
      index += 1;
    }
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}

// `code`, **bold**, __bold__, *italic*, _italic_ (not inside words), [text](url) — a URL may hold one level of ( )
const INLINE =
  /(`+)(.+?)\1|\*\*(.+?)\*\*|(?<!\w)__(.+?)__(?!\w)|\*(?!\s)(.+?)\*|(?<!\w)_(?!\s)(.+?)_(?!\w)|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;

function inline(text: string, key: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let count = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index;
    if (at > last) nodes.push(text.slice(last, at));
    const id = `${key}.${count++}`;
    const [, , code, strong1, strong2, em1, em2, label, url] = match;
    if (code !== undefined) nodes.push(<code key={id}>{code}</code>);
    else if (strong1 !== undefined || strong2 !== undefined)
      nodes.push(<strong key={id}>{inline((strong1 ?? strong2) as string, id)}</strong>);
    else if (em1 !== undefined || em2 !== undefined) nodes.push(<em key={id}>{inline((em1 ?? em2) as string, id)}</em>);
    else if (label !== undefined && url !== undefined) {
      nodes.push(
        isWebLink(url) ? (
          <a key={id} href={url} rel="noopener noreferrer nofollow">
            {inline(label, id)}
          </a>
        ) : (
          <Fragment key={id}>{inline(label, id)}</Fragment>
        ),
      );
    }
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** Lines of a paragraph, each line break kept: clinicians write notes line by line. */
function lines(parts: readonly string[], key: string): ReactNode[] {
  return parts.flatMap((part, index) => [...(index > 0 ? [<br key={`${key}.br${index}`} />] : []), ...inline(part, `${key}.${index}`)]);
}

/** The note as React elements. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): ReactNode[] {
  const top = options.headingLevel ?? 4;
  const blocks = blocksOf(source);
  const depths = blocks.flatMap((block) => (block.kind === 'heading' ? [block.depth] : []));
  const shallowest = depths.length > 0 ? Math.min(...depths) : 1;
  let previous = top - 1;
  return blocks.map((block, index) => {
    const key = String(index);
    switch (block.kind) {
      case 'heading': {
        // Relative to the note's own top heading, and never skipping a level, so the page outline stays valid.
        const level = Math.min(6, top + block.depth - shallowest, previous + 1);
        previous = level;
        const Heading = `h${level}` as 'h4';
        return <Heading key={key}>{inline(block.text, key)}</Heading>;
      }
      case 'paragraph':
        return <p key={key}>{lines(block.lines, key)}</p>;
      case 'list': {
        const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{inline(item, `${key}.${itemIndex}`)}</li>);
        return block.ordered ? (
          <ol key={key} start={block.start === 1 ? undefined : block.start}>
            {items}
          </ol>
        ) : (
          <ul key={key}>{items}</ul>
        );
      }
      case 'quote':
        return (
          <blockquote key={key}>{renderMarkdown(block.lines.join('\n'), { headingLevel: Math.min(6, previous + 1) as 4 })}</blockquote>
        );
      case 'code':
        return (
          <pre key={key}>
            <code>{block.text}</code>
          </pre>
        );
      case 'rule':
        return <hr key={key} />;
    }
  });
}
