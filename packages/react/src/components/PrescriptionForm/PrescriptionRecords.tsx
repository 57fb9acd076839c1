'use client';
/** The PrescriptionForm's list of prescriptions on record: drug, instructions, dispensing, status and date. */
import type { MedicationRequest } from '@clinikapi/core';
import { type ReactNode } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { conceptText } from '../../headless/fhir-display.ts';
import type { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import type { PrescriptionFormMessages } from './messages.ts';
import type { PrescriptionFormSlot } from './slots.ts';
import type { PrescriptionFormState } from './usePrescriptionForm.ts';

export interface PrescriptionPartProps {
  readonly state: PrescriptionFormState;
  readonly messages: PrescriptionFormMessages;
  readonly slot: ReturnType<typeof slotClasses<PrescriptionFormSlot>>;
}

export function PrescriptionRecords({ state, messages, slot }: PrescriptionPartProps): ReactNode {
  const locale = useLocale();
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((request) => {
          const instructions = request.dosageInstruction?.[0]?.text;
          return (
            <li
              key={request.id}
              className={slot('record', 'ck-Widget-record')}
              data-status={request.status}
              data-priority={request.priority}
            >
              <span>
                <strong>{conceptText(request.medicationCodeableConcept)}</strong>
                {instructions && <span> — {instructions}</span>}
              </span>
              <span className="ck-Widget-meta">
                {[dispensing(request, messages, locale), statusLabel(request.status, messages), formatDate(request.authoredOn, locale)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
    </RecordsSection>
  );
}

/** "21 tablets · 2 refills", from what the prescription says; empty when it says neither. */
function dispensing(request: MedicationRequest, messages: PrescriptionFormMessages, locale: string | undefined): string {
  const dispense = request.dispenseRequest;
  const parts: string[] = [];
  if (dispense?.quantity?.value !== undefined) {
    parts.push(formatMessage(messages.dispense, { quantity: dispense.quantity.value, unit: dispense.quantity.unit ?? '' }, locale).trim());
  }
  const refills = dispense?.numberOfRepeatsAllowed;
  if (refills === 0) parts.push(messages.noRefills);
  else if (refills === 1) parts.push(messages.refillCountOne);
  else if (refills !== undefined) parts.push(formatMessage(messages.refillCount, { count: refills }, locale));
  return parts.join(' · ');
}

export function statusLabel(status: string, messages: PrescriptionFormMessages): string {
  const labels: Record<string, string> = {
    active: messages.statusActive,
    'on-hold': messages.statusOnHold,
    cancelled: messages.statusCancelled,
    completed: messages.statusCompleted,
    draft: messages.statusDraft,
    stopped: messages.statusStopped,
  };
  return labels[status] ?? status;
}
