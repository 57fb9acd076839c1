import type { ReactNode } from 'react';

/** Heading levels a viewer can take: 2 on its own, 3 inside PatientDashboard, 1 for a page's own banner. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

export interface HeadingProps {
  readonly level: HeadingLevel;
  readonly id?: string;
  readonly className?: string | undefined;
  readonly children: ReactNode;
}

/** A heading at a level set by where the viewer is placed, so a page keeps one outline. */
export function Heading({ level, id, className, children }: HeadingProps): ReactNode {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** The level below `level`, for a viewer's inner headings. */
export function subLevel(level: HeadingLevel): HeadingLevel {
  return Math.min(level + 1, 5) as HeadingLevel;
}
