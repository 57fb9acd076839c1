'use client';
import type { PatientSummary } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { errorMessage } from '../../i18n/error-message.ts';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage, type Messages } from '../../i18n/messages.ts';
import { useLocale, useMessages } from '../../provider/context.ts';
import { cx } from '../../styles/class-names.ts';
import { usePatientList, type UsePatientListOptions } from './usePatientList.ts';

/** The inner parts of a PatientList that `classNames` can style. */
export type PatientListSlot = 'root' | 'header' | 'title' | 'search' | 'table' | 'row' | 'status' | 'error' | 'empty';

export interface PatientListProps extends UsePatientListOptions {
  /** Called when a patient is chosen (click or Enter on the name). Without it, names are plain text. */
  readonly onSelect?: (patient: PatientSummary) => void;
  /** Heading above the list. Default: the `patientList.title` message. */
  readonly title?: ReactNode;
  /** Class on the root element. */
  readonly className?: string;
  /** Classes per inner part, e.g. `{ row: 'my-row' }`. */
  readonly classNames?: Partial<Record<PatientListSlot, string>>;
  /** Drop the library's styles (keeps only your classes). Default false. */
  readonly unstyled?: boolean;
}

function genderLabel(gender: PatientSummary['gender'], messages: Messages): string {
  switch (gender) {
    case 'male':
      return messages.patientList.genderMale;
    case 'female':
      return messages.patientList.genderFemale;
    case 'other':
      return messages.patientList.genderOther;
    case 'unknown':
      return messages.patientList.genderUnknown;
    default:
      return '';
  }
}

/** A searchable list of patients, with loading, empty and error states. */
export function PatientList(props: PatientListProps): ReactNode {
  const { onSelect, title, className, classNames = {}, unstyled = false, ...options } = props;
  const messages = useMessages();
  const locale = useLocale();
  const state = usePatientList(options);
  const titleId = useId();
  const searchId = useId();
  const text = messages.patientList;
  const slot = (name: PatientListSlot, base: string): string => cx(!unstyled && base, classNames[name]);

  return (
    <section
      className={cx(!unstyled && 'ck-root ck-PatientList', className, classNames.root)}
      aria-labelledby={titleId}
      data-status={state.status}
      data-fetching={state.isFetching || undefined}
    >
      <div className={slot('header', 'ck-PatientList-header')}>
        <h2 id={titleId} className={slot('title', 'ck-PatientList-title')}>
          {title ?? text.title}
        </h2>
        <div className={slot('search', 'ck-PatientList-search')}>
          <label htmlFor={searchId}>{text.searchLabel}</label>
          <input
            id={searchId}
            type="search"
            value={state.query}
            placeholder={text.searchPlaceholder}
            autoComplete="off"
            onChange={(event) => state.setQuery(event.target.value)}
          />
        </div>
      </div>

      <p role="status" className={slot('status', 'ck-PatientList-status')}>
        {state.status === 'loading'
          ? text.loading
          : state.status === 'ready'
            ? formatMessage(text.count, { shown: state.patients.length, total: state.total }, locale)
            : ''}
      </p>

      {state.status === 'error' && (
        <div role="alert" className={slot('error', 'ck-PatientList-error')}>
          <p>
            {text.loadError} {errorMessage(state.error, messages)}
          </p>
          {state.error?.requestId && (
            <p className="ck-PatientList-reference">{formatMessage(messages.common.requestId, { requestId: state.error.requestId })}</p>
          )}
          <button type="button" onClick={state.retry}>
            {messages.common.retry}
          </button>
        </div>
      )}

      {state.status === 'empty' && (
        <p className={slot('empty', 'ck-PatientList-empty')}>
          {state.searchedFor ? formatMessage(text.emptySearch, { query: state.searchedFor }) : text.empty}
        </p>
      )}

      {(state.status === 'ready' || state.status === 'loading') && (
        <table className={slot('table', 'ck-PatientList-table')} aria-labelledby={titleId} aria-busy={state.status === 'loading'}>
          <thead>
            <tr>
              <th scope="col">{text.columnName}</th>
              <th scope="col">{text.columnBirthDate}</th>
              <th scope="col">{text.columnGender}</th>
              <th scope="col">{text.columnContact}</th>
            </tr>
          </thead>
          <tbody>
            {state.status === 'loading'
              ? Array.from({ length: 5 }, (_, index) => (
                  <tr key={index} className="ck-PatientList-skeleton" aria-hidden="true">
                    <td colSpan={4}>
                      <span />
                    </td>
                  </tr>
                ))
              : state.patients.map((patient) => (
                  <tr key={patient.id} className={slot('row', 'ck-PatientList-row')}>
                    <th scope="row">
                      {onSelect ? (
                        <button type="button" className="ck-PatientList-select" onClick={() => onSelect(patient)}>
                          {patient.fullName}
                        </button>
                      ) : (
                        patient.fullName
                      )}
                    </th>
                    <td>{formatDate(patient.birthDate, locale)}</td>
                    <td>{genderLabel(patient.gender, messages)}</td>
                    <td>{patient.email ?? patient.phone ?? ''}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
