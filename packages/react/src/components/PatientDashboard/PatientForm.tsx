'use client';
/** The patient's details as form fields, shared by the create and edit views. */
import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Field } from '../../ui/Field/Field.tsx';
import type { PatientDashboardMessages } from './messages.ts';
import type { PatientFormValues } from './patient-form-values.ts';

export interface PatientFieldsProps {
  readonly form: UseFormReturn<PatientFormValues>;
  readonly errorOf: (field: keyof PatientFormValues) => string | undefined;
  readonly messages: PatientDashboardMessages;
  /** Show the address fields. The create view keeps to the essentials and leaves them out. */
  readonly address: boolean;
  readonly className?: string | undefined;
}

const MARITAL = ['married', 'single', 'divorced', 'widowed', 'separated', 'domestic partner'] as const;

export function PatientFields({ form, errorOf, messages, address, className }: PatientFieldsProps): ReactNode {
  // The browser's autofill knows the user, not the patient: it must not offer the clinician's own details.
  const text =
    (field: keyof PatientFormValues, type = 'text') =>
    (control: object) => <input type={type} autoComplete="off" {...control} {...form.register(field)} />;
  const maritalLabels: Record<(typeof MARITAL)[number], string> = {
    married: messages.maritalMarried,
    single: messages.maritalSingle,
    divorced: messages.maritalDivorced,
    widowed: messages.maritalWidowed,
    separated: messages.maritalSeparated,
    'domestic partner': messages.maritalPartner,
  };
  const current = form.getValues('maritalStatus');
  return (
    <div className={className}>
      <fieldset className="ck-PatientDashboard-fieldset">
        <legend>{messages.sectionName}</legend>
        <div className="ck-Widget-grid">
          <Field label={messages.firstName} required error={errorOf('firstName')}>
            {text('firstName')}
          </Field>
          <Field label={messages.lastName} required error={errorOf('lastName')}>
            {text('lastName')}
          </Field>
          <Field label={messages.birthDate} error={errorOf('birthDate')}>
            {text('birthDate', 'date')}
          </Field>
          <Field label={messages.gender} error={errorOf('gender')}>
            {(control) => (
              <select {...control} {...form.register('gender')}>
                <option value="">{messages.notSpecified}</option>
                <option value="female">{messages.genderFemale}</option>
                <option value="male">{messages.genderMale}</option>
                <option value="other">{messages.genderOther}</option>
                <option value="unknown">{messages.genderUnknown}</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="ck-PatientDashboard-fieldset">
        <legend>{messages.sectionContact}</legend>
        <div className="ck-Widget-grid">
          <Field label={messages.email} error={errorOf('email')}>
            {text('email', 'email')}
          </Field>
          <Field label={messages.phone} help={messages.phoneHelp} error={errorOf('phone')}>
            {text('phone', 'tel')}
          </Field>
          {address && (
            <Field label={messages.maritalStatus} error={errorOf('maritalStatus')}>
              {(control) => (
                <select {...control} {...form.register('maritalStatus')}>
                  <option value="">{messages.notSpecified}</option>
                  {MARITAL.map((status) => (
                    <option key={status} value={status}>
                      {maritalLabels[status]}
                    </option>
                  ))}
                  {/* A value the API holds that is none of ours stays choosable rather than silently changing. */}
                  {current && !(MARITAL as readonly string[]).includes(current) && <option value={current}>{current}</option>}
                </select>
              )}
            </Field>
          )}
        </div>
      </fieldset>
      {address && (
        <fieldset className="ck-PatientDashboard-fieldset">
          <legend>{messages.sectionAddress}</legend>
          <div className="ck-Widget-grid">
            <Field label={messages.addressLine1} error={errorOf('addressLine1')}>
              {text('addressLine1')}
            </Field>
            <Field label={messages.addressLine2} error={errorOf('addressLine2')}>
              {text('addressLine2')}
            </Field>
            <Field label={messages.city} error={errorOf('city')}>
              {text('city')}
            </Field>
            <Field label={messages.state} error={errorOf('state')}>
              {text('state')}
            </Field>
            <Field label={messages.postalCode} error={errorOf('postalCode')}>
              {text('postalCode')}
            </Field>
            <Field label={messages.country} error={errorOf('country')}>
              {text('country')}
            </Field>
          </div>
        </fieldset>
      )}
    </div>
  );
}
