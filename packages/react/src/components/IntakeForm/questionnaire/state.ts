/**
 * The state machine of a questionnaire being answered, free of React: the answers as a tree shaped like the
 * QuestionnaireResponse (a repeating group is several sibling instances with the same linkId), the page on view, and
 * how far validation has been asked for. `questionnaireReducer` is what `useQuestionnaire` runs.
 */
import type { Questionnaire, QuestionnaireItem, QuestionnaireValue } from './types.ts';
import { draftOf, emptyDraft, initialDrafts, type QuestionnaireDraft } from './values.ts';

/** One instance of an item: a question's answers, or a group's child instances. */
export interface QuestionnaireItemState {
  /** Unique within the form: React keys and action targets. */
  readonly key: string;
  readonly linkId: string;
  readonly answers: readonly QuestionnaireDraft[];
  readonly items: readonly QuestionnaireItemState[];
}

export interface QuestionnaireState {
  readonly items: readonly QuestionnaireItemState[];
  readonly page: number;
  /**
   * The instances whose problems are shown: those the user has left (blur), and those that had a problem when they
   * tried to leave the page or submit. A question revealed later (by an `enableWhen`) is not among them until the
   * user has had a chance to answer it.
   */
  readonly shown: readonly string[];
  /** Bumped by every change the user makes: what autosave watches. */
  readonly revision: number;
  readonly nextKey: number;
}

/** A stored QuestionnaireResponse item (FHIR `item`/`answer`, or the simplified `items`). */
export interface StoredQuestionnaireItem {
  readonly linkId: string;
  readonly answer?: readonly QuestionnaireValue[];
  readonly item?: readonly StoredQuestionnaireItem[];
  readonly items?: readonly StoredQuestionnaireItem[];
}

export type QuestionnaireAction =
  | { readonly type: 'answer'; readonly key: string; readonly index: number; readonly value: QuestionnaireDraft }
  /** Sets all answers of a question at once (checkboxes of a repeating choice). */
  | { readonly type: 'answers'; readonly key: string; readonly values: readonly QuestionnaireDraft[] }
  | { readonly type: 'addAnswer'; readonly key: string }
  | { readonly type: 'removeAnswer'; readonly key: string; readonly index: number }
  | { readonly type: 'addGroup'; readonly key: string }
  | { readonly type: 'removeGroup'; readonly key: string }
  | { readonly type: 'goTo'; readonly page: number }
  /** Shows the problems of these instances (left by the user, or checked by Next or Submit). */
  | { readonly type: 'show'; readonly keys: readonly string[] };

interface Builder {
  next: number;
}

const newKey = (builder: Builder) => `q${(builder.next += 1)}`;

/** A fresh instance of `item` with its initial answers (and its children's). */
function buildItem(item: QuestionnaireItem, builder: Builder, stored?: StoredQuestionnaireItem): QuestionnaireItemState {
  const storedChildren = stored ? [...(stored.item ?? stored.items ?? [])] : undefined;
  const answers =
    stored === undefined
      ? initialDrafts(item)
      : (stored.answer ?? []).map((answer) => draftOf(item, answer)).filter((draft) => draft !== undefined);
  return {
    key: newKey(builder),
    linkId: item.linkId,
    answers: stored !== undefined && answers.length === 0 && !(item.type === 'choice' && item.repeats) ? initialEmpty(item) : answers,
    items: buildChildren(item.item ?? [], builder, storedChildren),
  };
}

const initialEmpty = (item: QuestionnaireItem): QuestionnaireDraft[] =>
  item.type === 'group' || item.type === 'display' ? [] : [emptyDraft(item)];

/**
 * Instances for a list of item definitions: one each, or, when resuming, one per stored item with that linkId (a
 * repeating group comes back with as many instances as were saved). Stored items the questionnaire no longer has are
 * dropped.
 */
function buildChildren(
  items: readonly QuestionnaireItem[],
  builder: Builder,
  stored?: StoredQuestionnaireItem[],
): QuestionnaireItemState[] {
  return items.flatMap((item) => {
    if (stored === undefined) return [buildItem(item, builder)];
    const matches = stored.filter((entry) => entry.linkId === item.linkId);
    if (matches.length === 0) return [buildItem(item, builder, { linkId: item.linkId })];
    return (item.repeats && item.type === 'group' ? matches : matches.slice(0, 1)).map((entry) => buildItem(item, builder, entry));
  });
}

/** The starting state: initial values, or the answers of a saved response to resume. */
export function initialQuestionnaireState(questionnaire: Questionnaire, saved?: readonly StoredQuestionnaireItem[]): QuestionnaireState {
  const builder = { next: 0 };
  return {
    items: buildChildren(questionnaire.item ?? [], builder, saved ? [...saved] : undefined),
    page: 0,
    shown: [],
    revision: 0,
    nextKey: builder.next,
  };
}

/** Every item definition by linkId. */
export function definitionsOf(questionnaire: Questionnaire): ReadonlyMap<string, QuestionnaireItem> {
  const map = new Map<string, QuestionnaireItem>();
  const walk = (items: readonly QuestionnaireItem[]) => {
    for (const item of items) {
      map.set(item.linkId, item);
      walk(item.item ?? []);
    }
  };
  walk(questionnaire.item ?? []);
  return map;
}

/** Rewrites the sibling list that holds instance `key`, wherever it is in the tree. */
function mapSiblings(
  items: readonly QuestionnaireItemState[],
  key: string,
  rewrite: (siblings: readonly QuestionnaireItemState[], index: number) => readonly QuestionnaireItemState[],
): readonly QuestionnaireItemState[] {
  const index = items.findIndex((node) => node.key === key);
  if (index !== -1) return rewrite(items, index);
  let changed = false;
  const next = items.map((node) => {
    const children = mapSiblings(node.items, key, rewrite);
    if (children === node.items) return node;
    changed = true;
    return { ...node, items: children };
  });
  return changed ? next : items;
}

/** Replaces instance `key` with what `replace` returns. */
const updateNode = (
  items: readonly QuestionnaireItemState[],
  key: string,
  replace: (node: QuestionnaireItemState) => QuestionnaireItemState,
): readonly QuestionnaireItemState[] =>
  mapSiblings(items, key, (siblings, index) => siblings.map((node, at) => (at === index ? replace(node) : node)));

const withAnswers = (node: QuestionnaireItemState, answers: readonly QuestionnaireDraft[]): QuestionnaireItemState => ({
  ...node,
  answers,
});

export function questionnaireReducer(questionnaire: Questionnaire) {
  const definitions = definitionsOf(questionnaire);
  return (state: QuestionnaireState, action: QuestionnaireAction): QuestionnaireState => {
    const edit = (items: readonly QuestionnaireItemState[], nextKey = state.nextKey): QuestionnaireState =>
      items === state.items ? state : { ...state, items, nextKey, revision: state.revision + 1 };

    switch (action.type) {
      case 'answer':
        return edit(
          updateNode(state.items, action.key, (node) =>
            withAnswers(
              node,
              node.answers.length === 0
                ? [action.value]
                : node.answers.map((value, index) => (index === action.index ? action.value : value)),
            ),
          ),
        );
      case 'answers':
        return edit(updateNode(state.items, action.key, (node) => withAnswers(node, [...action.values])));
      case 'addAnswer':
        return edit(
          updateNode(state.items, action.key, (node) => {
            const definition = definitions.get(node.linkId);
            return definition ? withAnswers(node, [...node.answers, emptyDraft(definition)]) : node;
          }),
        );
      case 'removeAnswer':
        return edit(
          updateNode(state.items, action.key, (node) => {
            const remaining = node.answers.filter((_, index) => index !== action.index);
            const definition = definitions.get(node.linkId);
            // A question always keeps one box to answer in.
            return withAnswers(node, remaining.length === 0 && definition ? [emptyDraft(definition)] : remaining);
          }),
        );
      case 'addGroup': {
        const builder = { next: state.nextKey };
        const items = mapSiblings(state.items, action.key, (siblings, index) => {
          const node = siblings[index] as QuestionnaireItemState;
          const definition = definitions.get(node.linkId);
          if (!definition?.repeats) return siblings;
          // A new instance goes after the group's last one, whichever instance asked.
          let last = index;
          while (siblings[last + 1]?.linkId === node.linkId) last += 1;
          return [...siblings.slice(0, last + 1), buildItem(definition, builder), ...siblings.slice(last + 1)];
        });
        return edit(items, builder.next);
      }
      case 'removeGroup':
        return edit(
          mapSiblings(state.items, action.key, (siblings, index) => {
            const node = siblings[index] as QuestionnaireItemState;
            // The last instance stays: a group is always there to be answered.
            const instances = siblings.filter((sibling) => sibling.linkId === node.linkId).length;
            return instances > 1 ? siblings.filter((_, at) => at !== index) : siblings;
          }),
        );
      case 'goTo':
        return action.page === state.page ? state : { ...state, page: action.page };
      case 'show': {
        const added = action.keys.filter((key) => !state.shown.includes(key));
        return added.length === 0 ? state : { ...state, shown: [...state.shown, ...added] };
      }
      default:
        return state;
    }
  };
}
