'use client';
/** The VitalsWidget's list of recent vitals: one entry per panel (or single reading), each reading flagged H/L. */
import { type ReactNode } from 'react';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../provider/context.ts';
import type { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import type { VitalsWidgetMessages } from './messages.ts';
import type { VitalsWidgetSlot } from './slots.ts';
import type { VitalsWidgetState } from './useVitalsWidget.ts';
import { readingsOf, takenAt, type VitalInterpretation } from './vitals-readings.ts';

export interface VitalsPartProps {
  readonly state: VitalsWidgetState;
  readonly messages: VitalsWidgetMessages;
  readonly slot: ReturnType<typeof slotClasses<VitalsWidgetSlot>>;
}

/** The word for a flag; nothing for a normal reading, which needs no attention. */
export function flagLabel(interpretation: VitalInterpretation | undefined, messages: VitalsWidgetMessages): string | undefined {
  if (interpretation === 'H') return messages.high;
  if (interpretation === 'L') return messages.low;
  if (interpretation === 'A') return messages.abnormal;
  return undefined;
}

export function VitalsRecords({ state, messages, slot }: VitalsPartProps): ReactNode {
  const locale = useLocale();
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((observation) => {
          const at = takenAt(observation);
          return (
            <li key={observation.id} className={slot('record', 'ck-Widget-record')}>
              {at && (
                <time className="ck-Widget-meta" dateTime={at}>
                  {formatDateTime(at, locale)}
                </time>
              )}
              <dl className={slot('readings')}>
                {readingsOf(observation, messages, locale).map((reading) => {
                  const flag = flagLabel(reading.interpretation, messages);
                  return (
                    <div key={reading.key} data-interpretation={reading.interpretation}>
                      <dt>{reading.label}</dt>
                      <dd>
                        {reading.value}
                        {flag && <span className={slot('flag')}> {flag}</span>}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </li>
          );
        })}
      </ul>
    </RecordsSection>
  );
}
