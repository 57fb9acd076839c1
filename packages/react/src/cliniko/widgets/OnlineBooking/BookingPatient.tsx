'use client';
import { useId, type ReactNode } from 'react';
import { formatMessage } from '../../../i18n/messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { Field } from '../../../ui/Field/Field.tsx';
import { ErrorState } from '../../../ui/States/States.tsx';
import { ChoiceGroup } from '../ChoiceGroup.tsx';
import type { OnlineBookingMessages } from './messages.ts';
import type { BookingPatient as Patient, NewPatientValues } from './useBookingPatient.ts';

export interface BookingPatientProps {
  readonly patient: Patient;
  readonly messages: OnlineBookingMessages;
  readonly unstyled: boolean | undefined;
  readonly className?: string | undefined;
}

/** Who the booking is for: the signed-in patient, or (front desk) a patient found by search, or a new one. */
export function BookingPatient({ patient, messages, unstyled, className }: BookingPatientProps): ReactNode {
  const legendId = useId();
  if (patient.mode === 'self') {
    return (
      <section className={className} aria-labelledby={legendId}>
        <h3 id={legendId}>{messages.patient}</h3>
        {patient.self.error ? (
          <ErrorState title={messages.selfError} error={patient.self.error} onRetry={patient.self.retry} />
        ) : (
          <p>{patient.self.patient ? formatMessage(messages.bookingFor, { name: patient.self.patient.label }) : messages.loading}</p>
        )}
      </section>
    );
  }
  return (
    <section className={className} aria-labelledby={legendId}>
      <h3 id={legendId}>{messages.patient}</h3>
      <ChoiceGroup
        legend={messages.bookFor}
        layout="chips"
        unstyled={unstyled}
        value={patient.mode}
        onChange={(mode) => patient.setMode(mode as 'existing' | 'new')}
        choices={[
          { value: 'existing', label: messages.existingPatient },
          { value: 'new', label: messages.newPatient },
        ]}
      />
      {patient.mode === 'existing' ? (
        <PatientFinder patient={patient} messages={messages} unstyled={unstyled} />
      ) : (
        <NewPatientFields patient={patient} messages={messages} />
      )}
    </section>
  );
}

function PatientFinder({ patient, messages, unstyled }: Omit<BookingPatientProps, 'className'>): ReactNode {
  const locale = useLocale();
  const { search } = patient;
  let placeholder: ReactNode;
  if (search.status === 'short') placeholder = <p className="ck-OnlineBooking-note">{messages.searchShort}</p>;
  else if (search.status === 'loading') placeholder = <p className="ck-OnlineBooking-note">{messages.loading}</p>;
  else if (search.status === 'error') placeholder = <ErrorState title={messages.searchError} error={search.error} onRetry={search.retry} />;
  else if (search.status === 'empty')
    placeholder = <p className="ck-OnlineBooking-note">{formatMessage(messages.searchEmpty, { query: search.searchedFor })}</p>;
  return (
    <>
      <Field label={messages.search} help={messages.searchHelp}>
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={patient.query}
            onChange={(event) => patient.setQuery(event.target.value)}
          />
        )}
      </Field>
      <ChoiceGroup
        legend={messages.matches}
        unstyled={unstyled}
        value={patient.selected?.id}
        onChange={patient.select}
        placeholder={placeholder}
        description={
          search.total > search.patients.length
            ? formatMessage(messages.searchMore, { shown: search.patients.length, total: search.total }, locale)
            : undefined
        }
        choices={search.patients.map((found) => ({
          value: found.id,
          label: found.label,
          detail: [found.date_of_birth, found.email].filter(Boolean).join(' · ') || undefined,
        }))}
      />
    </>
  );
}

const INPUTS: readonly { field: keyof NewPatientValues; type: string; required?: boolean }[] = [
  { field: 'first_name', type: 'text', required: true },
  { field: 'last_name', type: 'text', required: true },
  { field: 'email', type: 'email' },
  { field: 'phone', type: 'tel' },
  { field: 'date_of_birth', type: 'date' },
];

function NewPatientFields({ patient, messages }: Omit<BookingPatientProps, 'className' | 'unstyled'>): ReactNode {
  const labels: Record<keyof NewPatientValues, string> = {
    first_name: messages.firstName,
    last_name: messages.lastName,
    email: messages.email,
    phone: messages.phone,
    date_of_birth: messages.dateOfBirth,
  };
  return (
    <div className="ck-Widget-grid">
      {INPUTS.map(({ field, type, required }) => (
        <Field key={field} label={labels[field]} required={required} error={patient.fieldErrors[field]}>
          {(control) => (
            // Autofill off: the browser knows the person at the desk, not the patient.
            <input
              {...control}
              type={type}
              autoComplete="off"
              value={patient.values[field]}
              onChange={(event) => patient.setValue(field, event.target.value)}
            />
          )}
        </Field>
      ))}
    </div>
  );
}
