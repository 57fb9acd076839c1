'use client';
import type { ReactNode } from 'react';
import { formatMessage } from '../../../i18n/messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { Button } from '../../../ui/Button/Button.tsx';
import { ErrorState } from '../../../ui/States/States.tsx';
import { ChoiceGroup } from '../ChoiceGroup.tsx';
import type { BookingFormat } from './format.ts';
import type { OnlineBookingMessages } from './messages.ts';
import type { BookingCalendar as Calendar } from './useBookingCalendar.ts';

export interface BookingCalendarProps {
  readonly calendar: Calendar;
  readonly timeZone: string;
  readonly format: BookingFormat;
  readonly messages: OnlineBookingMessages;
  readonly unstyled: boolean | undefined;
  readonly className?: string | undefined;
}

/** The viewer's own clock, when it is not the clinic's (read only in the browser). */
function viewerZone(): string | undefined {
  return typeof Intl === 'undefined' ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Seven days on the business's calendar, their free times, and the time zone they are in, said plainly. */
export function BookingCalendar({ calendar, timeZone, format, messages, unstyled, className }: BookingCalendarProps): ReactNode {
  const locale = useLocale();
  const firstDay = Date.parse(`${calendar.from}T12:00:00Z`);
  const zone = formatMessage(messages.timeZone, { zone: format.zone(calendar.day?.times[0] ?? firstDay), id: timeZone });
  const empty = calendar.status === 'ready' && calendar.days.every((day) => day.times.length === 0);
  let placeholder: ReactNode;
  if (calendar.status === 'loading') placeholder = <p className="ck-OnlineBooking-note">{messages.loading}</p>;
  else if (calendar.status === 'error')
    placeholder = <ErrorState title={messages.timesError} error={calendar.error} onRetry={calendar.retry} />;
  else if (empty) {
    placeholder = (
      <div className="ck-OnlineBooking-note">
        <p>{messages.noTimesInDays}</p>
        {calendar.nextFree !== undefined && (
          <p>
            {formatMessage(messages.nextFree, { when: format.when(calendar.nextFree) })}{' '}
            <Button variant="secondary" onClick={calendar.showNextFree}>
              {messages.showNextFree}
            </Button>
          </p>
        )}
      </div>
    );
  }
  const viewer = viewerZone();
  return (
    <div className={className}>
      <ChoiceGroup
        legend={messages.day}
        description={zone}
        layout="chips"
        unstyled={unstyled}
        value={calendar.day?.date}
        onChange={calendar.chooseDay}
        placeholder={placeholder}
        choices={calendar.days.map((day) => ({
          value: day.date,
          label: format.day(day.date),
          disabled: day.times.length === 0,
          detail: day.times.length === 0 ? <span className="ck-visually-hidden">, {messages.noTimesOnDay}</span> : undefined,
        }))}
      />
      <div className={unstyled ? undefined : 'ck-Widget-actions'}>
        <Button variant="secondary" onClick={calendar.showEarlier} disabled={!calendar.canGoEarlier}>
          {messages.earlier}
        </Button>
        <Button variant="secondary" onClick={calendar.showLater}>
          {messages.later}
        </Button>
      </div>
      {calendar.day && (
        <ChoiceGroup
          legend={messages.time}
          description={zone}
          layout="chips"
          unstyled={unstyled}
          value={calendar.time === undefined ? undefined : String(calendar.time)}
          onChange={(value) => calendar.chooseTime(Number(value))}
          choices={calendar.day.times.map((time) => ({ value: String(time), label: format.time(time) }))}
        />
      )}
      {calendar.time !== undefined && viewer && viewer !== timeZone && (
        <p className="ck-OnlineBooking-note">
          {formatMessage(messages.viewerTime, {
            time: new Intl.DateTimeFormat(locale, { timeZone: viewer, dateStyle: 'medium', timeStyle: 'short' }).format(calendar.time),
            zone: viewer,
          })}
        </p>
      )}
    </div>
  );
}
