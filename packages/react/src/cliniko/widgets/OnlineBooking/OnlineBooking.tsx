'use client';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formatMessage } from '../../../i18n/messages.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { Button } from '../../../ui/Button/Button.tsx';
import { Notice } from '../../../ui/Notice/Notice.tsx';
import { slotClasses, type StylingProps } from '../../../ui/slots.ts';
import { ErrorState } from '../../../ui/States/States.tsx';
import type { WidgetTheme } from '../../../ui/theme/theme.ts';
import { WidgetRoot } from '../../../ui/WidgetRoot/WidgetRoot.tsx';
import type { ClinikoAppointment } from '../../types.ts';
import { ChoiceGroup, type Choice } from '../ChoiceGroup.tsx';
import { ClinikoWidgetProvider } from '../ClinikoWidgetProvider.tsx';
import type { ChoiceList } from './useBookingChoices.ts';
import { BookingCalendar } from './BookingCalendar.tsx';
import { BookingPatient } from './BookingPatient.tsx';
import { bookingFormat, minutes, type BookingFormat } from './format.ts';
import { onlineBookingMessages, type OnlineBookingMessages } from './messages.ts';
import { useOnlineBooking, type OnlineBookingState, type UseOnlineBookingOptions } from './useOnlineBooking.ts';
import { useFocusEffect } from '../../../headless/focus.ts';

/** The inner parts of an OnlineBooking that `classNames` can style. */
export type OnlineBookingSlot = 'header' | 'title' | 'form' | 'where' | 'when' | 'patient' | 'summary' | 'actions' | 'result';

export interface OnlineBookingProps extends UseOnlineBookingOptions, StylingProps<OnlineBookingSlot> {
  /** Your backend's Cliniko proxy mount, e.g. `/api/cliniko`. Optional inside a `ClinikoProvider`. */
  readonly proxyUrl?: string;
  /** Heading. Default: the `onlineBooking.title` message. */
  readonly title?: ReactNode;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
}

/**
 * Cliniko online booking: location, practitioner, appointment type, a day and a free time on the clinic's clock,
 * the patient (the signed-in patient themselves with `patientId`; for front desk, a patient found or created), then
 * a confirmation. The time is checked again right before booking; a time someone else took meanwhile is said so,
 * with the next free times. Works on its own with `proxyUrl` or inside a `ClinikoProvider`.
 */
export function OnlineBooking({ proxyUrl, ...props }: OnlineBookingProps): ReactNode {
  // "Book another" starts again from a fresh form.
  const [round, setRound] = useState(0);
  return (
    <ClinikoWidgetProvider proxyUrl={proxyUrl}>
      <OnlineBookingView key={round} {...props} onAgain={() => setRound((count) => count + 1)} />
    </ClinikoWidgetProvider>
  );
}

type Slot = ReturnType<typeof slotClasses<OnlineBookingSlot>>;

interface ViewProps extends Omit<OnlineBookingProps, 'proxyUrl'> {
  readonly onAgain: () => void;
}

function OnlineBookingView({ title, theme, className, classNames, unstyled, onAgain, ...options }: ViewProps): ReactNode {
  const messages = useWidgetMessages('onlineBooking', onlineBookingMessages);
  const locale = useLocale();
  const state = useOnlineBooking(options);
  const titleId = useId();
  const slot = slotClasses<OnlineBookingSlot>('OnlineBooking', { classNames, unstyled });
  const format = bookingFormat(state.timeZone, locale);
  const [attempted, setAttempted] = useState(false);
  const { submission } = state;
  const form = useRef<HTMLFormElement>(null);
  const { fieldErrors } = state.patient;

  // A new patient's missing or refused fields: focus the first, where its message is read with it.
  useFocusEffect(() => {
    if (Object.keys(fieldErrors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    void state.confirm();
  };

  return (
    <WidgetRoot
      widget="OnlineBooking"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ step: state.step, status: submission.status, timeZone: state.timeZone, mode: state.patient.mode }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {title ?? messages.title}
        </h2>
      </div>
      {submission.booked ? (
        <Booked appointment={submission.booked} state={state} format={format} messages={messages} slot={slot} onAgain={onAgain} />
      ) : (
        <form ref={form} className={slot('form', 'ck-Widget-form')} aria-labelledby={titleId} onSubmit={onSubmit} noValidate>
          <div className={slot('where')}>
            <Step
              legend={messages.business}
              list={state.businesses}
              choices={state.businesses.items.map((business) => ({ value: business.id, label: business.label, detail: business.city }))}
              onChange={state.chooseBusiness}
              unstyled={unstyled}
              loading={messages.loading}
              empty={messages.noBusinesses}
              failed={messages.businessesError}
            />
            {state.businesses.chosen && (
              <Step
                legend={messages.practitioner}
                list={state.practitioners}
                choices={state.practitioners.items.map((practitioner) => ({
                  value: practitioner.id,
                  label: practitioner.label,
                  detail: practitioner.designation,
                }))}
                onChange={state.choosePractitioner}
                unstyled={unstyled}
                loading={messages.loading}
                empty={messages.noPractitioners}
                failed={messages.practitionersError}
              />
            )}
            {state.practitioners.chosen && (
              <Step
                legend={messages.appointmentType}
                list={state.types}
                choices={state.types.items.map((type) => ({
                  value: type.id,
                  label: type.name,
                  detail: minutes(messages.duration, type.duration_in_minutes, locale),
                }))}
                onChange={state.chooseType}
                unstyled={unstyled}
                loading={messages.loading}
                empty={messages.noTypes}
                failed={messages.typesError}
              />
            )}
          </div>
          {state.types.chosen && (
            <BookingCalendar
              calendar={state.calendar}
              timeZone={state.timeZone}
              format={format}
              messages={messages}
              unstyled={unstyled}
              className={slot('when')}
            />
          )}
          <LostRace state={state} format={format} messages={messages} />
          {state.calendar.time !== undefined && (
            <BookingPatient patient={state.patient} messages={messages} unstyled={unstyled} className={slot('patient')} />
          )}
          <Summary state={state} format={format} messages={messages} slot={slot} attempted={attempted} />
          {submission.error && (
            <ErrorState
              title={submission.errorStep === 'patient' ? messages.patientError : messages.bookError}
              error={submission.error}
              onRetry={() => void submission.retry()}
            />
          )}
          <div className={slot('actions', 'ck-Widget-actions')}>
            <Button
              type="submit"
              pending={submission.status === 'checking' || submission.status === 'booking'}
              pendingLabel={submission.status === 'checking' ? messages.checking : messages.booking}
            >
              {messages.book}
            </Button>
          </div>
        </form>
      )}
    </WidgetRoot>
  );
}

interface StepProps<T> {
  readonly legend: string;
  readonly list: ChoiceList<T & { readonly id: string }>;
  readonly choices: readonly Choice[];
  readonly onChange: (id: string) => void;
  readonly unstyled: boolean | undefined;
  readonly loading: string;
  readonly empty: string;
  readonly failed: string;
}

/** One choice among a loaded list, with the list's loading, empty and error states. */
function Step<T>({ legend, list, choices, onChange, unstyled, loading, empty, failed }: StepProps<T>): ReactNode {
  let placeholder: ReactNode;
  if (list.status === 'loading' || list.status === 'idle') placeholder = <p className="ck-OnlineBooking-note">{loading}</p>;
  else if (list.status === 'error') placeholder = <ErrorState title={failed} error={list.error} onRetry={list.retry} />;
  else if (list.status === 'empty') placeholder = <p className="ck-OnlineBooking-note">{empty}</p>;
  return (
    <ChoiceGroup
      legend={legend}
      choices={choices}
      value={list.chosen?.id}
      onChange={onChange}
      unstyled={unstyled}
      placeholder={placeholder}
    />
  );
}

interface PartProps {
  readonly state: OnlineBookingState;
  readonly format: BookingFormat;
  readonly messages: OnlineBookingMessages;
}

/** After a lost race: what happened, and the next free times as buttons (focus moves to the first). */
function LostRace({ state, format, messages }: PartProps): ReactNode {
  const first = useRef<HTMLButtonElement>(null);
  const lost = state.submission.lost;
  useFocusEffect(() => {
    if (lost) first.current?.focus();
  }, [lost]);
  if (!lost) return null;
  return (
    <div className="ck-OnlineBooking-lost">
      <Notice tone="error">{formatMessage(messages.lost, { time: format.time(lost.time) })}</Notice>
      {lost.alternatives.length > 0 ? (
        <div role="group" aria-label={messages.alternatives} className="ck-Widget-actions">
          {lost.alternatives.map((time, index) => (
            <Button key={time} ref={index === 0 ? first : undefined} variant="secondary" onClick={() => state.calendar.chooseTime(time)}>
              {format.time(time)}
            </Button>
          ))}
        </div>
      ) : (
        <p className="ck-OnlineBooking-note">{messages.noAlternatives}</p>
      )}
    </div>
  );
}

/** The texts both the summary and the confirmation fill in. */
function bookingWords(state: OnlineBookingState, format: BookingFormat, at: number) {
  return {
    type: state.types.chosen?.name ?? '',
    practitioner: state.practitioners.chosen?.label ?? '',
    business: state.businesses.chosen?.label ?? '',
    when: format.when(at),
    zone: format.zone(at),
    patient: state.patient.name ?? '',
  };
}

function Summary({
  state,
  format,
  messages,
  slot,
  attempted,
}: PartProps & { readonly slot: Slot; readonly attempted: boolean }): ReactNode {
  const headingId = useId();
  const { time } = state.calendar;
  const ready = state.step === 'confirm';
  return (
    <section className={slot('summary', 'ck-OnlineBooking-summary')} aria-labelledby={headingId}>
      <h3 id={headingId}>{messages.summary}</h3>
      {ready && time !== undefined && <p>{formatMessage(messages.summaryText, bookingWords(state, format, time))}</p>}
      {!ready &&
        (attempted ? (
          <Notice tone="error">{messages.chooseEverything}</Notice>
        ) : (
          <p className="ck-OnlineBooking-note">{messages.chooseEverything}</p>
        ))}
    </section>
  );
}

interface BookedProps extends PartProps {
  readonly appointment: ClinikoAppointment;
  readonly slot: Slot;
  readonly onAgain: () => void;
}

/** The confirmation, focused when it appears so a keyboard or screen-reader user lands on it. */
function Booked({ appointment, state, format, messages, slot, onAgain }: BookedProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useFocusEffect(() => ref.current?.focus(), []);
  const words = bookingWords(state, format, Date.parse(appointment.starts_at));
  return (
    <div ref={ref} tabIndex={-1} className={slot('result', 'ck-OnlineBooking-result')}>
      <Notice tone="success">{formatMessage(messages.booked, words)}</Notice>
      <Button variant="secondary" onClick={onAgain}>
        {messages.bookAnother}
      </Button>
    </div>
  );
}
