'use client';
/** Allergies and the problem list side by side: what every clinician checks before prescribing. */
import type { AllergyIntolerance, Condition } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../../i18n/format.ts';
import { formatMessage } from '../../../i18n/messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { conceptCode, conceptText } from '../../../headless/fhir-display.ts';
import { Badge, type BadgeTone } from '../../PatientRecord/Badge.tsx';
import { newestFirst } from '../../PatientRecord/dates.ts';
import { Heading, subLevel, type HeadingLevel } from '../../PatientRecord/Heading.tsx';
import { RecordState } from '../../PatientRecord/RecordState.tsx';
import { useLinkedRecords } from '../../PatientRecord/useLinkedRecords.ts';
import type { PatientDashboardMessages } from '../messages.ts';

const CURRENT_CONDITIONS = ['active', 'recurrence', 'relapse'];
const INACTIVE_ALLERGIES = ['inactive', 'resolved'];

export interface AllergiesAndConditionsProps {
  readonly patientId: string;
  readonly level: HeadingLevel;
  readonly messages: PatientDashboardMessages;
}

export function AllergiesAndConditions({ patientId, level, messages }: AllergiesAndConditionsProps): ReactNode {
  const headingId = useId();
  const allergies = useLinkedRecords('allergies', patientId);
  const conditions = useLinkedRecords('conditions', patientId);
  const activeAllergies = allergies.records
    .filter((allergy) => !INACTIVE_ALLERGIES.includes(conceptCode(allergy.clinicalStatus) ?? ''))
    .sort((a, b) => Number(b.criticality === 'high') - Number(a.criticality === 'high'));
  const byOnset = newestFirst((condition: Condition) => condition.onsetDateTime ?? condition.recordedDate);
  const sortedConditions = [...conditions.records].sort((a, b) => Number(isCurrent(b)) - Number(isCurrent(a)) || byOnset(a, b));
  const status = (source: typeof allergies | typeof conditions, count: number) =>
    source.status === 'ready' && count === 0 ? 'empty' : source.status;

  return (
    <section className="ck-PatientDashboard-section" aria-labelledby={headingId} data-section="allergies-and-conditions">
      <Heading level={level} id={headingId}>
        {messages.allergiesAndConditions}
      </Heading>
      <div className="ck-PatientDashboard-columns">
        <div aria-busy={allergies.status === 'loading'}>
          <Heading level={subLevel(level)}>{messages.allergies}</Heading>
          <RecordState
            status={status(allergies, activeAllergies.length)}
            error={allergies.error}
            onRetry={allergies.retry}
            loading={messages.allergiesLoading}
            errorTitle={messages.allergiesError}
            empty={messages.noAllergies}
            lines={2}
          >
            {() => (
              <ul className="ck-RecordList">
                {activeAllergies.map((allergy) => (
                  <AllergyRow key={allergy.id} allergy={allergy} messages={messages} />
                ))}
              </ul>
            )}
          </RecordState>
        </div>
        <div aria-busy={conditions.status === 'loading'}>
          <Heading level={subLevel(level)}>{messages.conditions}</Heading>
          <RecordState
            status={conditions.status}
            error={conditions.error}
            onRetry={conditions.retry}
            loading={messages.conditionsLoading}
            errorTitle={messages.conditionsError}
            empty={messages.noConditions}
            lines={2}
          >
            {() => (
              <ul className="ck-RecordList">
                {sortedConditions.map((condition) => (
                  <ConditionRow key={condition.id} condition={condition} messages={messages} />
                ))}
              </ul>
            )}
          </RecordState>
        </div>
      </div>
    </section>
  );
}

function isCurrent(condition: Condition): boolean {
  return CURRENT_CONDITIONS.includes(conceptCode(condition.clinicalStatus) ?? 'active');
}

function AllergyRow({ allergy, messages }: { allergy: AllergyIntolerance; messages: PatientDashboardMessages }): ReactNode {
  const reactions = allergy.reaction?.flatMap((reaction) => reaction.manifestation.map(conceptText)).filter(Boolean) ?? [];
  return (
    <li data-criticality={allergy.criticality}>
      <div className="ck-RecordList-main">
        <span className="ck-RecordList-title">{conceptText(allergy.code)}</span>
        {reactions.length > 0 && <span className="ck-RecordList-meta">{reactions.join(', ')}</span>}
      </div>
      {allergy.criticality === 'high' && <Badge tone="danger">{messages.highRisk}</Badge>}
    </li>
  );
}

const CONDITION_TONES: Readonly<Record<string, BadgeTone>> = {
  active: 'warning',
  recurrence: 'warning',
  relapse: 'warning',
  inactive: 'neutral',
  remission: 'info',
  resolved: 'success',
};

function conditionStatusLabel(status: string, messages: PatientDashboardMessages): string {
  const labels: Record<string, string> = {
    active: messages.conditionActive,
    recurrence: messages.conditionRecurrence,
    relapse: messages.conditionRelapse,
    inactive: messages.conditionInactive,
    remission: messages.conditionRemission,
    resolved: messages.conditionResolved,
  };
  return labels[status] ?? status;
}

function ConditionRow({ condition, messages }: { condition: Condition; messages: PatientDashboardMessages }): ReactNode {
  const locale = useLocale();
  const status = conceptCode(condition.clinicalStatus) ?? 'active';
  const when = isCurrent(condition)
    ? condition.onsetDateTime && formatMessage(messages.since, { date: formatDate(condition.onsetDateTime, locale) })
    : condition.abatementDateTime && formatMessage(messages.resolvedOn, { date: formatDate(condition.abatementDateTime, locale) });
  return (
    <li data-status={status}>
      <div className="ck-RecordList-main">
        <span className="ck-RecordList-title">{conceptText(condition.code)}</span>
        {when && <span className="ck-RecordList-meta">{when}</span>}
      </div>
      <Badge tone={CONDITION_TONES[status] ?? 'neutral'}>{conditionStatusLabel(status, messages)}</Badge>
    </li>
  );
}
