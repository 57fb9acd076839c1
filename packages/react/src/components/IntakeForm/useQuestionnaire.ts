'use client';
/**
 * The headless questionnaire: answers, `enableWhen`, repeats, pages and validation for any FHIR Questionnaire, with
 * no network and no markup — like Medplum's `useQuestionnaireForm`. The state machine itself is plain functions
 * (`questionnaire/`); this hook holds its state and offers the actions. `IntakeForm` is one skin over it.
 */
import { useMemo, useReducer } from 'react';
import {
  analyse,
  responseItems,
  type QuestionnaireAnalysis,
  type QuestionnaireIssue,
  type QuestionnaireResponsePaths,
} from './questionnaire/analysis.ts';
import {
  initialQuestionnaireState,
  questionnaireReducer,
  type QuestionnaireItemState,
  type StoredQuestionnaireItem,
} from './questionnaire/state.ts';
import type { Questionnaire, QuestionnaireItem } from './questionnaire/types.ts';
import type { QuestionnaireDraft } from './questionnaire/values.ts';
import type { IntakeItemInput } from '@clinikapi/core';

export interface UseQuestionnaireOptions {
  readonly questionnaire: Questionnaire;
  /** Answers to start from: the items of a saved QuestionnaireResponse (FHIR `item` or the simplified `items`). */
  readonly saved?: readonly StoredQuestionnaireItem[] | undefined;
}

export interface QuestionnaireForm {
  readonly questionnaire: Questionnaire;
  /** The top-level instances on the page on view (all of them when the questionnaire has no pages). */
  readonly pageItems: readonly QuestionnaireItemState[];
  /** The page on view, counted among the pages shown (from 1). */
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly isFirstPage: boolean;
  readonly isLastPage: boolean;
  /** True when the questionnaire is split into pages. */
  readonly paged: boolean;
  readonly definitionOf: (key: string) => QuestionnaireItem | undefined;
  readonly isEnabled: (key: string) => boolean;
  /** The problems of an instance that are being shown (once the user left it, or tried Next or Submit). */
  readonly issuesOf: (key: string) => readonly QuestionnaireIssue[];
  /** Every problem being shown, in questionnaire order. */
  readonly shownIssues: readonly QuestionnaireIssue[];
  readonly setAnswer: (key: string, index: number, value: QuestionnaireDraft) => void;
  readonly setAnswers: (key: string, values: readonly QuestionnaireDraft[]) => void;
  readonly addAnswer: (key: string) => void;
  readonly removeAnswer: (key: string, index: number) => void;
  readonly addGroup: (key: string) => void;
  readonly removeGroup: (key: string) => void;
  /** The user left this question: its problems are shown from now on. */
  readonly touch: (key: string) => void;
  /** Moves to the next page if this one has no problems (else shows them). Returns whether it moved. */
  readonly next: () => boolean;
  readonly back: () => void;
  /** Shows every problem and moves to the page of the first. Returns the problems (none: ready to submit). */
  readonly validate: () => readonly QuestionnaireIssue[];
  /** The QuestionnaireResponse items the answers amount to, and where each came from. */
  readonly response: () => { readonly items: IntakeItemInput[]; readonly paths: QuestionnaireResponsePaths };
  /** Bumped by every change of an answer: what autosave watches. */
  readonly revision: number;
  readonly analysis: QuestionnaireAnalysis;
}

export function useQuestionnaire({ questionnaire, saved }: UseQuestionnaireOptions): QuestionnaireForm {
  const reducer = useMemo(() => questionnaireReducer(questionnaire), [questionnaire]);
  const [state, dispatch] = useReducer(reducer, saved, (initial) => initialQuestionnaireState(questionnaire, initial));
  const analysis = useMemo(() => analyse(questionnaire, state), [questionnaire, state]);

  const { visiblePages, pages, issues } = analysis;
  // The page on view may have been hidden by an answer on another page: show the next one that is there.
  const page = visiblePages.includes(state.page)
    ? state.page
    : (visiblePages.find((index) => index > state.page) ?? visiblePages.at(-1) ?? 0);
  const position = Math.max(0, visiblePages.indexOf(page));
  const shown = issues.filter((issue) => state.shown.includes(issue.key));

  return {
    questionnaire,
    pageItems: pages[page] ?? [],
    pageNumber: position + 1,
    pageCount: Math.max(1, visiblePages.length),
    isFirstPage: position === 0,
    isLastPage: position >= visiblePages.length - 1,
    paged: analysis.paged,
    definitionOf: (key) => analysis.placements.get(key)?.definition,
    isEnabled: analysis.isEnabled,
    issuesOf: (key) => shown.filter((issue) => issue.key === key),
    shownIssues: shown,
    setAnswer: (key, index, value) => dispatch({ type: 'answer', key, index, value }),
    setAnswers: (key, values) => dispatch({ type: 'answers', key, values }),
    addAnswer: (key) => dispatch({ type: 'addAnswer', key }),
    removeAnswer: (key, index) => dispatch({ type: 'removeAnswer', key, index }),
    addGroup: (key) => dispatch({ type: 'addGroup', key }),
    removeGroup: (key) => dispatch({ type: 'removeGroup', key }),
    touch: (key) => dispatch({ type: 'show', keys: [key] }),
    next: () => {
      const problems = issues.filter((issue) => issue.page === page);
      if (problems.length > 0) {
        dispatch({ type: 'show', keys: problems.map((issue) => issue.key) });
        return false;
      }
      const following = visiblePages[position + 1];
      if (following !== undefined) dispatch({ type: 'goTo', page: following });
      return following !== undefined;
    },
    back: () => {
      const previous = visiblePages[position - 1];
      if (previous !== undefined) dispatch({ type: 'goTo', page: previous });
    },
    validate: () => {
      dispatch({ type: 'show', keys: issues.map((issue) => issue.key) });
      const [first] = issues;
      if (first) dispatch({ type: 'goTo', page: first.page });
      return issues;
    },
    response: () => responseItems(analysis, state.items),
    revision: state.revision,
    analysis,
  };
}
