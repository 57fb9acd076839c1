import { patientCreateSchema, type PatientSummary } from '@clinikapi/core';
import { ClinikApiError, useCreatePatient } from '@clinikapi/react';
import { useId, useState, type FormEvent } from 'react';

type Field = 'firstName' | 'lastName' | 'birthDate' | 'gender' | 'email';
const FIELDS: readonly { name: Field; label: string; type: string }[] = [
  { name: 'firstName', label: 'First name', type: 'text' },
  { name: 'lastName', label: 'Last name', type: 'text' },
  { name: 'birthDate', label: 'Date of birth', type: 'date' },
  { name: 'email', label: 'Email', type: 'email' },
];

interface NewPatientFormProps {
  readonly onCreated: (patient: PatientSummary) => void;
  readonly onCancel: () => void;
}

/**
 * A minimal create form for the walking skeleton: the same zod schema the emulator enforces runs first in the
 * browser, and any field error the server still returns lands on its field.
 */
export function NewPatientForm({ onCreated, onCancel }: NewPatientFormProps) {
  const id = useId();
  const create = useCreatePatient();
  const [values, setValues] = useState<Record<Field, string>>({ firstName: '', lastName: '', birthDate: '', gender: '', email: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Partial<Record<Field, string>> = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
    const parsed = patientCreateSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) => {
        if (error instanceof ClinikApiError && error.issues.length > 0) {
          setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path ?? '', issue.diagnostics])));
        }
      },
    });
  };

  return (
    <form className="demo-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>New patient</h2>
      {FIELDS.map((field) => (
        <div key={field.name} className="demo-field">
          <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
          <input
            id={`${id}-${field.name}`}
            type={field.type}
            value={values[field.name]}
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={errors[field.name] ? `${id}-${field.name}-error` : undefined}
            onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
          />
          {errors[field.name] && (
            <p id={`${id}-${field.name}-error`} className="demo-field-error">
              {errors[field.name]}
            </p>
          )}
        </div>
      ))}
      <div className="demo-field">
        <label htmlFor={`${id}-gender`}>Gender</label>
        <select
          id={`${id}-gender`}
          value={values.gender}
          onChange={(event) => setValues((current) => ({ ...current, gender: event.target.value }))}
        >
          <option value="">Not recorded</option>
          <option value="female">Female</option>
          <option value="male">Male</option>
          <option value="other">Other</option>
          <option value="unknown">Unknown</option>
        </select>
      </div>
      {create.isError && !(create.error.issues.length > 0) && <p role="alert">The patient could not be saved. Try again.</p>}
      <div className="demo-form-actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save patient'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
