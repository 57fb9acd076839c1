/**
 * What a state of the form means: which items are enabled, which pages exist, what is wrong and where, and the
 * QuestionnaireResponse items it amounts to. Pure functions of the questionnaire and the state.
 */
import type { IntakeItemInput } from '@clinikapi/core';
import { enablement, type Placement } from './enable-when.ts';
import type { QuestionnaireItemState, QuestionnaireState } from './state.ts';
import { itemControlOf, type Questionnaire, type QuestionnaireItem } from './types.ts';
import { readAnswer, type QuestionnaireAnswerProblem, type AnswerValue } from './values.ts';

/** Something to fix: a required answer missing, or an answer that is not valid. */
export interface QuestionnaireIssue {
  /** The instance it is about. */
  readonly key: string;
  /** The answer it is about, for one of several answers; undefined for the question as a whole. */
  readonly index?: number;
  readonly code: 'required' | QuestionnaireAnswerProblem['code'];
  readonly limit?: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** The page the instance is on. */
  readonly page: number;
}

export interface QuestionnaireAnalysis {
  readonly placements: ReadonlyMap<string, Placement>;
  readonly isEnabled: (key: string) => boolean;
  /** True when the questionnaire is split into pages (top-level groups with the `page` item control). */
  readonly paged: boolean;
  /** Every page, as the top-level instances on it; a page whose items are all disabled is skipped. */
  readonly pages: readonly (readonly QuestionnaireItemState[])[];
  /** Indexes into `pages` of the pages that have something enabled. */
  readonly visiblePages: readonly number[];
  readonly issues: readonly QuestionnaireIssue[];
}

/** Builds the placement (definition and ancestors) of every instance. */
function placementsOf(questionnaire: Questionnaire, roots: readonly QuestionnaireItemState[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  const walk = (
    nodes: readonly QuestionnaireItemState[],
    definitions: readonly QuestionnaireItem[],
    ancestors: readonly QuestionnaireItemState[],
  ) => {
    for (const node of nodes) {
      const definition = definitions.find((item) => item.linkId === node.linkId);
      if (!definition) continue;
      placements.set(node.key, { node, definition, ancestors });
      walk(node.items, definition.item ?? [], [...ancestors, node]);
    }
  };
  walk(roots, questionnaire.item ?? [], []);
  return placements;
}

const validAnswers = (definition: QuestionnaireItem, node: QuestionnaireItemState): AnswerValue[] =>
  node.answers.flatMap((draft) => {
    const read = readAnswer(definition, draft);
    return 'answer' in read ? [read.answer] : [];
  });

export function analyse(questionnaire: Questionnaire, state: QuestionnaireState): QuestionnaireAnalysis {
  const placements = placementsOf(questionnaire, state.items);
  const isEnabled = enablement(state.items, placements);
  const topLevel = questionnaire.item ?? [];
  const paged = topLevel.some((item) => item.type === 'group' && itemControlOf(item) === 'page');
  const pages: QuestionnaireItemState[][] = paged ? topLevel.map(() => []) : [[]];
  const pageIndexOf = new Map<string, number>();
  for (const node of state.items) {
    const page = paged
      ? Math.max(
          0,
          topLevel.findIndex((item) => item.linkId === node.linkId),
        )
      : 0;
    pages[page]?.push(node);
    pageIndexOf.set(node.key, page);
  }
  const visiblePages = pages.flatMap((nodes, index) => (nodes.some((node) => isEnabled(node.key)) ? [index] : []));

  const issues: QuestionnaireIssue[] = [];
  const hasAnswer = (node: QuestionnaireItemState): boolean => {
    const definition = placements.get(node.key)?.definition;
    if (!definition || !isEnabled(node.key)) return false;
    return validAnswers(definition, node).length > 0 || node.items.some(hasAnswer);
  };
  const check = (node: QuestionnaireItemState, page: number) => {
    const placement = placements.get(node.key);
    if (!placement || !isEnabled(node.key)) return;
    const { definition } = placement;
    if (definition.type === 'group') {
      if (definition.required && !node.items.some(hasAnswer)) issues.push({ key: node.key, code: 'required', page });
      for (const child of node.items) check(child, page);
      return;
    }
    if (definition.type === 'display' || definition.readOnly) return;
    let valid = 0;
    node.answers.forEach((draft, index) => {
      const read = readAnswer(definition, draft);
      if ('answer' in read) valid += 1;
      if ('problem' in read) issues.push({ key: node.key, index, ...read.problem, page });
    });
    const problems = issues.some((issue) => issue.key === node.key);
    if (definition.required && valid === 0 && !problems) issues.push({ key: node.key, code: 'required', page });
  };
  for (const node of state.items) check(node, pageIndexOf.get(node.key) ?? 0);

  return { placements, isEnabled, paged, pages, visiblePages, issues };
}

/** Where in the built response each item and answer came from: `items.0.items.2.answer.1` → the instance and answer. */
export type QuestionnaireResponsePaths = ReadonlyMap<string, { readonly key: string; readonly index?: number }>;

/**
 * The QuestionnaireResponse items the answers amount to, as `intakes` takes them: enabled items with at least one
 * valid answer, groups with at least one such item, in questionnaire order. Invalid answers are left out (a draft
 * saved mid-typing keeps what is valid so far).
 */
export function responseItems(
  analysis: QuestionnaireAnalysis,
  roots: readonly QuestionnaireItemState[],
): { items: IntakeItemInput[]; paths: QuestionnaireResponsePaths } {
  const paths = new Map<string, { key: string; index?: number }>();
  const build = (nodes: readonly QuestionnaireItemState[], prefix: string): IntakeItemInput[] => {
    const built: IntakeItemInput[] = [];
    for (const node of nodes) {
      const placement = analysis.placements.get(node.key);
      if (!placement || !analysis.isEnabled(node.key)) continue;
      const { definition } = placement;
      const path = `${prefix}items.${built.length}`;
      const base = {
        linkId: definition.linkId,
        ...(definition.text ? { text: definition.text } : {}),
        ...(definition.definition ? { definition: definition.definition } : {}),
      };
      if (definition.type === 'group') {
        const items = build(node.items, `${path}.`);
        if (items.length === 0) continue;
        paths.set(path, { key: node.key });
        built.push({ ...base, items });
      } else if (definition.type !== 'display') {
        const answer: AnswerValue[] = [];
        node.answers.forEach((draft, index) => {
          const read = readAnswer(definition, draft);
          if (!('answer' in read)) return;
          paths.set(`${path}.answer.${answer.length}`, { key: node.key, index });
          answer.push(read.answer);
        });
        if (answer.length === 0) continue;
        paths.set(path, { key: node.key });
        built.push({ ...base, answer: answer as IntakeItemInput['answer'] });
      }
    }
    return built;
  };
  const items = build(roots, '');
  return { items, paths };
}
