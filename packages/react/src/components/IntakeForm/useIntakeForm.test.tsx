import type { QuestionnaireResponse } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { startWithPatient } from '../../test/widget-hooks.ts';
import type { Questionnaire } from './questionnaire/types.ts';
import { useIntakeForm } from './useIntakeForm.ts';

/** Two questions, the second asked only when the first is answered yes. */
const QUESTIONNAIRE: Questionnaire = {
  resourceType: 'Questionnaire',
  url: 'https://example.org/fhir/Questionnaire/allergy-check',
  status: 'active',
  item: [
    { linkId: 'allergic', text: 'Any allergies?', type: 'boolean', required: true },
    {
      linkId: 'which',
      text: 'Which?',
      type: 'string',
      required: true,
      enableWhen: [{ question: 'allergic', operator: '=', answerBoolean: true }],
    },
  ],
};

const keyOf = (form: { pageItems: readonly { key: string; linkId: string }[] }, linkId: string) =>
  form.pageItems.find((item) => item.linkId === linkId)?.key ?? '';

describe('useIntakeForm', () => {
  it('asks the follow-up only when it applies, and will not submit while a required answer is missing', async () => {
    const { emulator, patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useIntakeForm({ patientId, questionnaire: QUESTIONNAIRE, autosaveDelay: 0 }));
    const which = keyOf(hook.result.current, 'which');
    expect(hook.result.current.isEnabled(which)).toBe(false);

    act(() => hook.result.current.setAnswer(keyOf(hook.result.current, 'allergic'), 0, true));
    expect(hook.result.current.isEnabled(which)).toBe(true);

    let accepted = true;
    await act(async () => {
      accepted = await hook.result.current.submit();
    });
    expect(accepted).toBe(false);
    expect(hook.result.current.submitAttempted).toBe(true);
    expect(hook.result.current.issuesOf(which)).not.toHaveLength(0);
    expect(await recordsOf(emulator, 'intakes', patientId)).toHaveLength(0);
  });

  it('autosaves the answers as in progress, then submits them completed in the same response', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useIntakeForm({ patientId, questionnaire: QUESTIONNAIRE, autosaveDelay: 10, onSuccess }));
    act(() => hook.result.current.setAnswer(keyOf(hook.result.current, 'allergic'), 0, true));
    act(() => hook.result.current.setAnswer(keyOf(hook.result.current, 'which'), 0, 'Penicillin'));
    await waitFor(() => expect(hook.result.current.autosave).toBe('saved'));
    const [draft] = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(draft?.status).toBe('in-progress');
    expect(hook.result.current.responseId).toBe(draft?.id);

    await act(async () => {
      expect(await hook.result.current.submit()).toBe(true);
    });
    expect(hook.result.current.status).toBe('completed');
    const stored = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: draft?.id, status: 'completed' });
    expect(stored[0]?.item?.find((item) => item.linkId === 'which')?.answer?.[0]?.valueString).toBe('Penicillin');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: draft?.id, status: 'completed' }));
  });
});
