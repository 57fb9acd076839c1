'use client';
/** One card of the profile: its heading, its own loading / syncing / error / empty state, and a boundary around it. */
import { useId, type ReactNode } from 'react';
import type { ClinikApiError } from '../../../client/errors.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { cx } from '../../../styles/class-names.ts';
import { Heading, type HeadingLevel } from '../../PatientRecord/Heading.tsx';
import { patientRecordMessages } from '../../PatientRecord/messages.ts';
import { RecordState } from '../../PatientRecord/RecordState.tsx';
import { SectionBoundary } from '../../PatientRecord/SectionBoundary.tsx';
import type { LinkedRecordsStatus } from '../../PatientRecord/useLinkedRecords.ts';

export interface DashboardSectionProps {
  /** Names the section for `data-section` and styling, e.g. `appointments`. */
  readonly name: string;
  readonly title: ReactNode;
  readonly level: HeadingLevel;
  readonly status: LinkedRecordsStatus;
  readonly error: ClinikApiError | null;
  readonly onRetry: () => void;
  readonly loading: string;
  readonly errorTitle: string;
  readonly empty: ReactNode;
  /** Buttons beside the heading. */
  readonly actions?: ReactNode;
  /** Shown under the records whatever their state, e.g. a form opened from `actions`. */
  readonly footer?: ReactNode;
  readonly className?: string | undefined;
  readonly children: () => ReactNode;
}

export function DashboardSection(props: DashboardSectionProps): ReactNode {
  const { name, title, level, status, actions, footer, className, children, ...state } = props;
  const headingId = useId();
  const shared = useWidgetMessages('patientRecord', patientRecordMessages);
  return (
    <section className={cx('ck-PatientDashboard-section', className)} aria-labelledby={headingId} data-section={name} data-status={status}>
      <div className="ck-Viewer-header">
        <Heading level={level} id={headingId}>
          {title}
        </Heading>
        {actions}
      </div>
      <SectionBoundary message={shared.sectionFailed} retryLabel={shared.refresh}>
        <div aria-busy={status === 'loading'}>
          <RecordState status={status} lines={2} {...state}>
            {children}
          </RecordState>
        </div>
      </SectionBoundary>
      {footer}
    </section>
  );
}
