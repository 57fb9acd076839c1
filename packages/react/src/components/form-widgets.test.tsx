/**
 * What every widget that writes a record promises, written once and run over each of them: a failed save keeps
 * everything the user typed, says why with the request's reference, tells the app, and "Try again" saves exactly once.
 * A new form widget gets this by adding a row to `FORM_WIDGETS`.
 */
import type { BrowserEmulator } from '@clinikapi/emulator/browser';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test/axe.ts';
import { startTestEmulator, TEST_PROXY_URL } from '../test/emulator.ts';
import { patientIdOf, recordsOf } from '../test/emulator-records.ts';
import { failing } from '../test/error-answers.ts';
import { mswServer } from '../test/msw-server.ts';
import { renderWithClient } from '../test/render.tsx';
import { AllergyRecorder } from './AllergyRecorder/AllergyRecorder.tsx';
import { CarePlanBuilder } from './CarePlanBuilder/CarePlanBuilder.tsx';
import { ConditionTracker } from './ConditionTracker/ConditionTracker.tsx';
import { GoalSetter } from './GoalSetter/GoalSetter.tsx';
import { ImmunizationLogger } from './ImmunizationLogger/ImmunizationLogger.tsx';
import { LabResultsWidget } from './LabResultsWidget/LabResultsWidget.tsx';
import { NoteEditor } from './NoteEditor/NoteEditor.tsx';
import { PatientDashboard } from './PatientDashboard/PatientDashboard.tsx';
import { PrescriptionForm } from './PrescriptionForm/PrescriptionForm.tsx';
import { PrescriptionWidget } from './PrescriptionWidget/PrescriptionWidget.tsx';
import { VitalsWidget } from './VitalsWidget/VitalsWidget.tsx';

/** One thing the user does to fill the form: type into a field (found by role and name), or press a button. */
type Step = { readonly type: string; readonly into: readonly ['textbox' | 'combobox', string | RegExp] } | { readonly press: string };

interface FormWidget {
  readonly name: string;
  /** The collection the widget writes to (`POST <proxy>/<path>`). */
  readonly path: string;
  readonly render: (patientId: string, onError: (error: unknown) => void) => ReactElement;
  /** The form's accessible name and its submit button's. */
  readonly form: string;
  readonly submit: string;
  readonly fill: readonly Step[];
  /** The first sentence of the failure, before the reason. */
  readonly notSaved: string;
  /** What shows once the retry saved: the form's status, or the heading of the record it opens. */
  readonly saved: { readonly status: string } | { readonly heading: string };
  /** The records the save left behind; default: the patient's records at `path`. */
  readonly stored?: (emulator: BrowserEmulator) => Promise<unknown[]>;
  /** What the one stored record holds, where the widget turns what was typed into more than text. */
  readonly storedRecord?: object;
}

const FORM_WIDGETS: readonly FormWidget[] = [
  {
    name: 'AllergyRecorder',
    path: 'allergies',
    render: (patientId, onError) => <AllergyRecorder patientId={patientId} onError={onError} />,
    form: 'Record an allergy',
    submit: 'Record allergy',
    fill: [
      { type: 'Latex', into: ['combobox', /Allergen/] },
      { type: 'Hives', into: ['textbox', 'Reaction'] },
    ],
    notSaved: 'The allergy was not recorded.',
    saved: { status: 'Recorded Latex.' },
  },
  {
    name: 'CarePlanBuilder',
    path: 'care-plans',
    render: (patientId, onError) => <CarePlanBuilder patientId={patientId} onError={onError} />,
    form: 'Build a care plan',
    submit: 'Save care plan',
    fill: [
      { type: 'Asthma action plan', into: ['textbox', /Title/] },
      { press: 'Add activity' },
      { type: 'Inhaler technique review', into: ['textbox', 'Activity 1'] },
    ],
    notSaved: 'The care plan was not saved.',
    saved: { status: 'Saved Asthma action plan.' },
  },
  {
    name: 'ConditionTracker',
    path: 'conditions',
    render: (patientId, onError) => <ConditionTracker patientId={patientId} onError={onError} />,
    form: 'Record a condition',
    submit: 'Record condition',
    fill: [{ type: 'Gout', into: ['combobox', /Condition/] }],
    notSaved: 'The condition was not recorded.',
    saved: { status: 'Recorded Gout.' },
  },
  {
    name: 'GoalSetter',
    path: 'goals',
    render: (patientId, onError) => <GoalSetter patientId={patientId} onError={onError} />,
    form: 'Set a goal',
    submit: 'Set goal',
    fill: [{ type: 'Sleep 7 hours a night', into: ['textbox', /^Goal/] }],
    notSaved: 'The goal was not saved.',
    saved: { status: 'Goal set: Sleep 7 hours a night.' },
  },
  {
    name: 'ImmunizationLogger',
    path: 'immunizations',
    render: (patientId, onError) => <ImmunizationLogger patientId={patientId} onError={onError} />,
    form: 'Log an immunization',
    submit: 'Log immunization',
    fill: [
      { type: 'MMR', into: ['combobox', /Vaccine/] },
      { type: 'M123', into: ['textbox', 'Lot number'] },
    ],
    notSaved: 'The immunization was not logged.',
    saved: { status: 'Logged MMR.' },
  },
  {
    name: 'LabResultsWidget',
    path: 'labs',
    render: (patientId, onError) => <LabResultsWidget patientId={patientId} onError={onError} />,
    form: 'Order a lab report',
    submit: 'Order report',
    fill: [{ type: 'Hemoglobin A1c (4548-4)', into: ['combobox', /Test/] }],
    notSaved: 'The lab report was not ordered.',
    saved: { status: 'Ordered Hemoglobin A1c.' },
  },
  {
    name: 'NoteEditor',
    path: 'notes',
    render: (patientId, onError) => <NoteEditor patientId={patientId} onError={onError} />,
    form: 'New note',
    submit: 'Save note',
    fill: [
      { type: 'Phone call', into: ['textbox', /Title/] },
      { type: 'Discussed results.', into: ['textbox', /^Note/] },
    ],
    notSaved: 'The note was not saved.',
    saved: { status: 'Saved “Phone call”.' },
  },
  {
    name: 'PatientDashboard (new patient)',
    path: 'patients',
    render: (_patientId, onError) => <PatientDashboard onError={onError} />,
    form: 'New patient',
    submit: 'Create patient',
    fill: [
      { type: 'Ngozi', into: ['textbox', /First name/] },
      { type: 'Eze', into: ['textbox', /Last name/] },
    ],
    notSaved: 'The patient was not created.',
    saved: { heading: 'Ngozi Eze' },
    stored: async (emulator) => {
      const listed = await emulator.handleProxyRequest(new Request(`http://localhost${TEST_PROXY_URL}/patients?name=Eze`), TEST_PROXY_URL);
      return ((await listed.json()) as { data: { data: unknown[] } }).data.data;
    },
  },
  {
    name: 'PrescriptionForm',
    path: 'prescriptions',
    render: (patientId, onError) => <PrescriptionForm patientId={patientId} onError={onError} />,
    form: 'New prescription',
    submit: 'Prescribe',
    fill: [
      { type: 'Ibuprofen 400mg', into: ['combobox', /Medication/] },
      { type: 'With food', into: ['textbox', /Dosage instructions/] },
    ],
    notSaved: 'The prescription was not saved.',
    saved: { status: 'Prescribed Ibuprofen 400mg.' },
  },
  {
    name: 'PrescriptionWidget',
    path: 'prescriptions',
    render: (patientId, onError) => <PrescriptionWidget patientId={patientId} onError={onError} />,
    form: 'Quick prescription',
    submit: 'Add',
    fill: [{ type: 'Lisinopril 10 MG Oral Tablet (314076)', into: ['combobox', /Medication/] }],
    notSaved: 'The prescription was not saved.',
    saved: { status: 'Prescribed Lisinopril 10 MG Oral Tablet.' },
    storedRecord: { medicationCodeableConcept: { coding: [{ code: '314076' }] } },
  },
  {
    name: 'VitalsWidget',
    path: 'observations',
    render: (patientId, onError) => <VitalsWidget patientId={patientId} onError={onError} />,
    form: 'Record vitals',
    submit: 'Record vitals',
    fill: [
      { type: '64', into: ['textbox', 'Heart rate (beats/min)'] },
      { type: '37.2', into: ['textbox', 'Temperature (°C)'] },
    ],
    notSaved: 'The vitals were not recorded.',
    saved: { status: 'Vitals recorded.' },
  },
];

describe.each(FORM_WIDGETS)('$name', (widget) => {
  it('keeps what was typed when the server fails, and saves once on retry', async () => {
    const emulator = await startTestEmulator();
    const patientId = await patientIdOf(emulator, 'Okafor');
    mswServer.use(failing('POST', widget.path, { times: 1 }));
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(widget.render(patientId, onError));
    const form = within(screen.getByRole('form', { name: widget.form }));
    const typed = widget.fill.flatMap((step) => ('type' in step ? [step] : []));
    const field = ({ into: [role, name] }: (typeof typed)[number]) => form.getByRole(role, { name });
    for (const step of widget.fill) {
      if ('type' in step) await user.type(field(step), step.type);
      else await user.click(form.getByRole('button', { name: step.press }));
    }
    await user.click(form.getByRole('button', { name: widget.submit }));

    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent(`${widget.notSaved} Something went wrong on the server.`);
    expect(alert).toHaveTextContent('Reference: req_fail');
    expect(typed.map((step) => (field(step) as HTMLInputElement).value)).toEqual(typed.map((step) => step.type));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 500 }));
    await expectNoAxeViolations(container);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    if ('heading' in widget.saved) expect(await screen.findByRole('heading', { name: widget.saved.heading })).toBeVisible();
    else expect(await form.findByRole('status')).toHaveTextContent(widget.saved.status);
    const stored = widget.stored ? await widget.stored(emulator) : await recordsOf(emulator, widget.path, patientId);
    expect(stored).toHaveLength(1);
    if (widget.storedRecord) expect(stored[0]).toMatchObject(widget.storedRecord);
  });
});
