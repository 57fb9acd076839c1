import type { Appointment } from '@clinikapi/core';
import { conceptText } from '../../../ui/fhir-display.ts';
import type { PatientDashboardMessages } from '../messages.ts';

const V2_0276 = 'http://terminology.hl7.org/CodeSystem/v2-0276';

/** An appointment type in words: the v2-0276 codes the API stores have no display of their own. */
export function appointmentTypeText(type: Appointment['appointmentType'], messages: PatientDashboardMessages): string {
  const coding = type?.coding?.find((entry) => entry.system === V2_0276);
  const named: Record<string, string> = {
    ROUTINE: messages.appointmentTypeRoutine,
    FOLLOWUP: messages.appointmentTypeFollowup,
    EMERGENCY: messages.appointmentTypeEmergency,
    WALKIN: messages.appointmentTypeWalkin,
    CHECKUP: messages.appointmentTypeCheckup,
  };
  return type?.text ?? (coding?.code && named[coding.code]) ?? conceptText(type);
}
