'use client';
/** Finds the patient's unfinished answers to a questionnaire (an `in-progress` QuestionnaireResponse), to resume them. */
import type { QuestionnaireResponse } from '@clinikapi/core';
import type { ClinikApiError } from '../../client/errors.ts';
import { useIntakes } from '../../hooks/resources/intakes.ts';
import type { Questionnaire } from './questionnaire/types.ts';

/** What a response names its questionnaire by: the canonical URL, else `Questionnaire/{id}` (as the API stores ids). */
export function questionnaireReference(questionnaire: Questionnaire): string | undefined {
  return questionnaire.url ?? (questionnaire.id ? `Questionnaire/${questionnaire.id}` : undefined);
}

export interface IntakeDraft {
  readonly status: 'loading' | 'error' | 'ready';
  /** The most recently saved unfinished response to this questionnaire, if any. */
  readonly draft: QuestionnaireResponse | undefined;
  readonly error: ClinikApiError | null;
  readonly retry: () => void;
}

const savedAt = (response: QuestionnaireResponse) => response.meta?.lastUpdated ?? response.authored ?? '';

export function useIntakeDraft(options: {
  readonly patientId: string;
  readonly questionnaire: Questionnaire;
  /** Whether to look for saved answers at all. Default true; false starts every visit afresh. */
  readonly enabled?: boolean;
}): IntakeDraft {
  const enabled = options.enabled ?? true;
  const reference = questionnaireReference(options.questionnaire);
  const search = useIntakes({ patientId: options.patientId, status: 'in-progress', count: 100 }, { enabled });
  const draft = (search.data?.data ?? [])
    .filter((response) => response.status === 'in-progress' && response.questionnaire === reference)
    .sort((a, b) => savedAt(b).localeCompare(savedAt(a)))[0];
  return {
    status: !enabled ? 'ready' : search.isPending ? 'loading' : search.isError ? 'error' : 'ready',
    draft,
    error: search.error,
    retry: () => void search.refetch(),
  };
}
