import type { Appointment } from '@clinikapi/core';
import { codeName, listedName, type CodeNameMessages } from '../../../codes/code-names.ts';

const V2_0276 = 'http://terminology.hl7.org/CodeSystem/v2-0276';

/**
 * An appointment type in words: the record's own text when it is words (not a code itself), else the shared code
 * list's name for its code — the v2-0276 codes the API stores have no display of their own.
 */
export function appointmentTypeText(type: Appointment['appointmentType'], names: CodeNameMessages): string {
  const text = type?.text;
  if (text && !listedName('appointmentType', text, names)) return text;
  const coding = type?.coding?.find((entry) => entry.system === V2_0276) ?? type?.coding?.[0];
  return codeName('appointmentType', coding?.code ?? text, names, coding?.display);
}
