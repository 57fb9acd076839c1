'use client';
/** A note's text as every widget shows it: markdown through the one renderer, plain text with its line breaks kept. */
import type { ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';
import { renderMarkdown, type MarkdownOptions } from './markdown.tsx';

export interface NoteTextProps extends MarkdownOptions {
  readonly text: string;
  /** `text/markdown` content; otherwise the text is shown as it is. */
  readonly markdown: boolean;
  readonly className?: string | undefined;
}

export function NoteText({ text, markdown, className, ...options }: NoteTextProps): ReactNode {
  return (
    <div className={cx('ck-Markdown', className)}>
      {markdown ? renderMarkdown(text, options) : <p className="ck-Markdown-plain">{text}</p>}
    </div>
  );
}
