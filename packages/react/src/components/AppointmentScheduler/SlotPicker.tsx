'use client';
import { useId, type ReactNode } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import type { AppointmentSchedulerMessages } from './messages.ts';
import type { AppointmentFormValues, SchedulerSlot, SlotAvailability } from './useAppointmentScheduler.ts';

export interface SlotPickerProps {
  readonly control: Control<AppointmentFormValues>;
  readonly slots: readonly SchedulerSlot[];
  readonly timeZone: string;
  /** The clinic day's start, to name the zone as it is that day (summer or winter time). */
  readonly dayStart: number | undefined;
  readonly error: string | undefined;
  readonly messages: AppointmentSchedulerMessages;
  readonly className?: string | undefined;
}

/** The zone's name in the user's language on a given day: "Central Standard Time". */
export function zoneName(timeZone: string, locale: string | undefined, at: number): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

function unavailableLabel(availability: SlotAvailability, messages: AppointmentSchedulerMessages): string | undefined {
  if (availability === 'booked') return messages.slotBooked;
  if (availability === 'past') return messages.slotPast;
  if (availability === 'closing') return messages.slotClosing;
  return undefined;
}

/**
 * The day's start times as a native radio group: Tab enters it at the chosen time, the arrow keys move between the
 * times that can be booked (unavailable ones are disabled, so browsers skip them), and a screen reader hears each
 * time with why it cannot be booked.
 */
export function SlotPicker({ control, slots, timeZone, dayStart, error, messages, className }: SlotPickerProps): ReactNode {
  const locale = useLocale();
  const labelId = useId();
  const zoneId = useId();
  const helpId = useId();
  const errorId = useId();
  // Radios group by name: a unique one keeps two schedulers on a page from sharing one group.
  const groupName = useId();
  const timeFormat = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const zone = formatMessage(messages.timeZone, { zone: zoneName(timeZone, locale, dayStart ?? 0), id: timeZone });

  return (
    <Controller
      control={control}
      name="time"
      render={({ field }) => (
        <div className={className} data-invalid={error ? '' : undefined}>
          <p id={labelId} className="ck-AppointmentScheduler-label">
            {messages.time}
            <span className="ck-Field-required" aria-hidden="true">
              {' *'}
            </span>
          </p>
          <p id={zoneId} className="ck-AppointmentScheduler-zone">
            {zone}
          </p>
          {slots.length === 0 ? (
            <p className="ck-Field-help">{dayStart === undefined ? messages.chooseDate : messages.noSlots}</p>
          ) : (
            <div
              role="radiogroup"
              aria-labelledby={labelId}
              aria-describedby={[zoneId, helpId, error ? errorId : undefined].filter(Boolean).join(' ')}
              aria-required="true"
              aria-invalid={error ? true : undefined}
              className="ck-AppointmentScheduler-slotGrid"
              // The form focuses the time with the first error: the chosen one, else the first that can be booked.
              ref={(group) =>
                field.ref(
                  group && {
                    focus: () =>
                      (
                        group.querySelector<HTMLInputElement>('input:checked') ??
                        group.querySelector<HTMLInputElement>('input:not(:disabled)')
                      )?.focus(),
                  },
                )
              }
            >
              {slots.map((slot) => {
                const unavailable = unavailableLabel(slot.availability, messages);
                const checked = field.value === slot.time;
                return (
                  <label key={slot.start} className="ck-AppointmentScheduler-slot" data-availability={slot.availability}>
                    <input
                      type="radio"
                      name={groupName}
                      value={slot.time}
                      checked={checked}
                      // The chosen time stays enabled if it stops being free, so its error can be seen and reached.
                      disabled={unavailable !== undefined && !checked}
                      onChange={() => field.onChange(slot.time)}
                      onBlur={field.onBlur}
                    />
                    <span>{timeFormat.format(slot.start)}</span>
                    {unavailable && <span className="ck-visually-hidden">, {unavailable}</span>}
                  </label>
                );
              })}
            </div>
          )}
          <p id={helpId} className="ck-Field-help">
            {messages.timeHelp}
          </p>
          {error && (
            <p id={errorId} className="ck-Field-error">
              {error}
            </p>
          )}
        </div>
      )}
    />
  );
}
