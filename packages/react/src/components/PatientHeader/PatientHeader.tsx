'use client';
import type { PatientSummary } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { conceptText } from '../../headless/fhir-display.ts';
import { slotClasses } from '../../ui/slots.ts';
import { ErrorState, Skeleton } from '../../ui/States/States.tsx';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { Badge } from '../PatientRecord/Badge.tsx';
import { Heading } from '../PatientRecord/Heading.tsx';
import type { ViewerProps } from '../PatientRecord/viewer-props.ts';
import { patientHeaderMessages, type PatientHeaderMessages } from './messages.ts';
import { addressLine, formatAge, initialsOf, languageName } from './patient-facts.ts';
import { usePatientHeader, type PatientHeaderState, type UsePatientHeaderOptions } from './usePatientHeader.ts';

/** The inner parts of a PatientHeader that `classNames` can style. */
export type PatientHeaderSlot = 'avatar' | 'name' | 'facts' | 'details' | 'allergies' | 'actions';

export interface PatientHeaderProps extends ViewerProps<PatientHeaderSlot>, Omit<UsePatientHeaderOptions, 'patientId'> {
  /** Buttons beside the name, e.g. "Edit". */
  readonly actions?: ReactNode;
}

/**
 * The patient banner: name, age and date of birth, sex, contact details, languages, and active allergies with the
 * high-risk ones first. Works on its own with `proxyUrl`, inside a `ClinikProvider`, or inside PatientDashboard.
 */
export function PatientHeader({ proxyUrl, ...props }: PatientHeaderProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <PatientHeaderView {...props} />
    </WidgetProvider>
  );
}

function PatientHeaderView(props: Omit<PatientHeaderProps, 'proxyUrl'>): ReactNode {
  const { patientId, showAllergies, now, actions, theme, className, classNames, unstyled, headingLevel = 2 } = props;
  const messages = useWidgetMessages('patientHeader', patientHeaderMessages);
  const state = usePatientHeader({ patientId, showAllergies, now });
  const nameId = useId();
  const slot = slotClasses<PatientHeaderSlot>('PatientHeader', { classNames, unstyled });
  const patient = state.patient;

  return (
    <WidgetRoot
      widget="PatientHeader"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={nameId}
      state={{ status: state.status, inactive: patient ? !patient.active : undefined }}
    >
      {!patient ? (
        <div aria-busy={state.status === 'loading'}>
          <Heading level={headingLevel} id={nameId} className="ck-visually-hidden">
            {messages.label}
          </Heading>
          {state.status === 'error' ? (
            <ErrorState title={messages.loadError} error={state.error} onRetry={state.retry} />
          ) : (
            <>
              <p className="ck-visually-hidden">{messages.loading}</p>
              <Skeleton lines={2} />
            </>
          )}
        </div>
      ) : (
        <>
          <div className="ck-PatientHeader-top">
            <span className={slot('avatar')} aria-hidden="true">
              {initialsOf(patient)}
            </span>
            <div className={slot('facts')}>
              <Heading level={headingLevel} id={nameId} className={slot('name')}>
                {patient.fullName}
              </Heading>
              <Facts patient={patient} state={state} messages={messages} />
            </div>
            {actions && <div className={slot('actions', 'ck-Widget-actions')}>{actions}</div>}
          </div>
          <Details patient={patient} messages={messages} className={slot('details')} />
          {state.allergies && <Allergies allergies={state.allergies} messages={messages} className={slot('allergies')} />}
        </>
      )}
    </WidgetRoot>
  );
}

function genderLabel(gender: PatientSummary['gender'], messages: PatientHeaderMessages): string | undefined {
  if (gender === 'male') return messages.genderMale;
  if (gender === 'female') return messages.genderFemale;
  if (gender === 'other') return messages.genderOther;
  if (gender === 'unknown') return messages.genderUnknown;
  return undefined;
}

function Facts({
  patient,
  state,
  messages,
}: {
  patient: PatientSummary;
  state: PatientHeaderState;
  messages: PatientHeaderMessages;
}): ReactNode {
  const locale = useLocale();
  const facts = [
    state.age ? formatAge(state.age, locale) : messages.ageUnknown,
    genderLabel(patient.gender, messages),
    patient.birthDate && formatMessage(messages.born, { date: formatDate(patient.birthDate, locale) }),
  ].filter(Boolean);
  return (
    <p className="ck-PatientHeader-summary">
      {facts.join(' · ')}
      {!patient.active && (
        <>
          {' '}
          <Badge tone="warning">{messages.inactive}</Badge>
        </>
      )}
    </p>
  );
}

function maritalLabel(status: string | undefined, messages: PatientHeaderMessages): string | undefined {
  const known: Record<string, string> = {
    married: messages.maritalMarried,
    m: messages.maritalMarried,
    divorced: messages.maritalDivorced,
    d: messages.maritalDivorced,
    widowed: messages.maritalWidowed,
    w: messages.maritalWidowed,
    single: messages.maritalSingle,
    s: messages.maritalSingle,
    'never married': messages.maritalSingle,
    separated: messages.maritalSeparated,
    l: messages.maritalSeparated,
    'domestic partner': messages.maritalPartner,
    t: messages.maritalPartner,
  };
  return status ? (known[status.toLowerCase()] ?? status) : undefined;
}

function Details({
  patient,
  messages,
  className,
}: {
  patient: PatientSummary;
  messages: PatientHeaderMessages;
  className: string | undefined;
}): ReactNode {
  const locale = useLocale();
  const languages = [...(patient.languages ?? [])]
    .sort((a, b) => Number(Boolean(b.preferred)) - Number(Boolean(a.preferred)))
    .map(({ language, preferred }) =>
      preferred ? formatMessage(messages.preferred, { language: languageName(language, locale) }) : languageName(language, locale),
    );
  const rows: [string, ReactNode][] = [];
  if (patient.phone) rows.push([messages.phone, <a href={`tel:${patient.phone.replace(/[^+\d]/g, '')}`}>{patient.phone}</a>]);
  if (patient.email) rows.push([messages.email, <a href={`mailto:${patient.email}`}>{patient.email}</a>]);
  if (patient.address) rows.push([messages.address, addressLine(patient.address)]);
  if (languages.length > 0) rows.push([messages.languages, languages.join(', ')]);
  const marital = maritalLabel(patient.maritalStatus, messages);
  if (marital) rows.push([messages.maritalStatus, marital]);
  if (rows.length === 0) return null;
  return (
    <dl className={className}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Allergies({
  allergies,
  messages,
  className,
}: {
  allergies: NonNullable<PatientHeaderState['allergies']>;
  messages: PatientHeaderMessages;
  className: string | undefined;
}): ReactNode {
  const headingId = useId();
  let content: ReactNode;
  if (allergies.status === 'loading' || allergies.status === 'syncing')
    content = <span className="ck-RecordList-meta">{messages.allergiesLoading}</span>;
  else if (allergies.status === 'error') content = <span role="alert">{messages.allergiesError}</span>;
  else if (allergies.status === 'empty') content = <span>{messages.noAllergies}</span>;
  else {
    content = (
      <ul>
        {allergies.records.map((allergy) => (
          <li key={allergy.id} data-criticality={allergy.criticality}>
            {conceptText(allergy.code)}
            {allergy.criticality === 'high' && <span className="ck-PatientHeader-risk"> ({messages.highCriticality})</span>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div
      className={className}
      role="group"
      aria-labelledby={headingId}
      data-status={allergies.status}
      data-alert={allergies.records.length > 0 || undefined}
    >
      <span id={headingId} className="ck-PatientHeader-allergiesLabel">
        {messages.allergies}
      </span>
      {content}
    </div>
  );
}
