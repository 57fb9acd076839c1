/** The dashboard's own rules and wording on top of the API's patient schemas. */
import type * as z from 'zod/mini';
import { isAfterToday } from '../../headless/form/dates.ts';
import { rewordIssues } from '../../headless/form/reword-issues.ts';
import type { FieldIssue } from '../../headless/form/useClinicalForm.ts';
import type { PatientDashboardMessages } from './messages.ts';
import type { PatientFormValues } from './patient-form-values.ts';

/** The API's English, said the dashboard's way (and so translatable) for the fields a person fills in. */
export function withDashboardWording<TSchema extends z.ZodMiniType>(schema: TSchema, messages: PatientDashboardMessages): TSchema {
  // Only the rule each sentence is about: a name of 101 characters is too long, not missing.
  return rewordIssues(schema, ({ path, message }) => {
    if (path === 'firstName' && message === 'Required') return messages.firstNameRequired;
    if (path === 'lastName' && message === 'Required') return messages.lastNameRequired;
    if (path === 'email' && message === 'Must be an email address') return messages.emailInvalid;
    if (path === 'phone' && message === 'Must be a phone number') return messages.phoneInvalid;
    if (path === '' && /at least one field/i.test(message)) return messages.noChanges;
    return undefined;
  });
}

/** A birth date after today in the user's own calendar (the API allows a day's slack for time zones). */
export function patientFormIssues(values: PatientFormValues, messages: PatientDashboardMessages): FieldIssue<PatientFormValues>[] {
  return isAfterToday(values.birthDate) ? [{ field: 'birthDate', message: messages.birthDateFuture }] : [];
}

/** Where a server issue about the address (`address.line.0`) belongs on the form. */
export function patientFieldOf(path: string): keyof PatientFormValues | undefined {
  const [head, part, index] = path.split('.');
  if (head === 'address') {
    if (part === 'line') return index === '0' || index === undefined ? 'addressLine1' : 'addressLine2';
    if (part === 'city' || part === 'state' || part === 'postalCode' || part === 'country') return part;
    return 'addressLine1';
  }
  const simple = ['firstName', 'lastName', 'birthDate', 'gender', 'email', 'phone', 'maritalStatus'];
  return head && simple.includes(head) ? (head as keyof PatientFormValues) : undefined;
}

export function fieldLabel(field: keyof PatientFormValues, messages: PatientDashboardMessages): string {
  return messages[field];
}
