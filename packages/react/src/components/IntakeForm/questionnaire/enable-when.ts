/**
 * FHIR `enableWhen`: whether an item is shown (and answered) given the answers so far. A question is looked up from
 * the nearest enclosing group instance outwards, so inside a repeating group each instance reads its own answers. A
 * disabled question counts as unanswered, and so does everything inside a disabled group.
 */
import type { QuestionnaireItemState } from './state.ts';
import type { QuestionnaireEnableWhen, QuestionnaireItem } from './types.ts';
import { readAnswer, type AnswerValue } from './values.ts';

/** Where an instance sits: its definition and the group instances around it, outermost first. */
export interface Placement {
  readonly node: QuestionnaireItemState;
  readonly definition: QuestionnaireItem;
  readonly ancestors: readonly QuestionnaireItemState[];
}

const normaliseTime = (time: string) => (time.length === 5 ? `${time}:00` : time);

/** Compares an answer with a condition's value: negative, zero or positive, or undefined when they cannot be compared. */
function compare(answer: AnswerValue, condition: QuestionnaireEnableWhen): number | undefined {
  const number = answer.valueDecimal ?? answer.valueInteger ?? answer.valueQuantity?.value;
  if (condition.answerBoolean !== undefined) {
    return answer.valueBoolean === undefined ? undefined : Number(answer.valueBoolean) - Number(condition.answerBoolean);
  }
  if (condition.answerDecimal !== undefined || condition.answerInteger !== undefined) {
    return number === undefined ? undefined : number - ((condition.answerDecimal ?? condition.answerInteger) as number);
  }
  if (condition.answerDate !== undefined) {
    const date = answer.valueDate ?? answer.valueDateTime?.slice(0, 10);
    return date === undefined ? undefined : date.localeCompare(condition.answerDate);
  }
  if (condition.answerDateTime !== undefined) {
    const value = answer.valueDateTime ?? answer.valueDate;
    return value === undefined ? undefined : Date.parse(value) - Date.parse(condition.answerDateTime);
  }
  if (condition.answerTime !== undefined) {
    return answer.valueTime === undefined ? undefined : normaliseTime(answer.valueTime).localeCompare(normaliseTime(condition.answerTime));
  }
  if (condition.answerString !== undefined) {
    const text = answer.valueString ?? answer.valueUri ?? answer.valueCoding?.display;
    return text === undefined ? undefined : text === condition.answerString ? 0 : text < condition.answerString ? -1 : 1;
  }
  if (condition.answerCoding !== undefined) {
    const coding = answer.valueCoding;
    if (!coding) return undefined;
    const wanted = condition.answerCoding;
    const sameSystem = !coding.system || !wanted.system || coding.system === wanted.system;
    const same = wanted.code !== undefined ? sameSystem && coding.code === wanted.code : coding.display === wanted.display;
    return same ? 0 : 1;
  }
  if (condition.answerQuantity !== undefined) {
    const quantity = answer.valueQuantity;
    const wanted = condition.answerQuantity;
    if (!quantity || quantity.value === undefined || wanted.value === undefined) return undefined;
    const sameUnit = wanted.code !== undefined ? quantity.code === wanted.code : wanted.unit === undefined || quantity.unit === wanted.unit;
    return sameUnit ? quantity.value - wanted.value : undefined;
  }
  return undefined;
}

/** One condition against the question's valid answers. */
export function conditionHolds(answers: readonly AnswerValue[], condition: QuestionnaireEnableWhen): boolean {
  if (condition.operator === 'exists') return answers.length > 0 === (condition.answerBoolean ?? true);
  if (answers.length === 0) return false;
  const results = answers.map((answer) => compare(answer, condition));
  switch (condition.operator) {
    case '=':
      return results.some((result) => result === 0);
    case '!=':
      return results.every((result) => result !== 0);
    case '>':
      return results.some((result) => result !== undefined && result > 0);
    case '<':
      return results.some((result) => result !== undefined && result < 0);
    case '>=':
      return results.some((result) => result !== undefined && result >= 0);
    case '<=':
      return results.some((result) => result !== undefined && result <= 0);
    default:
      return false;
  }
}

/** The first instance with `linkId` in `items` and below, depth first. */
function findIn(items: readonly QuestionnaireItemState[], linkId: string): QuestionnaireItemState | undefined {
  for (const node of items) {
    if (node.linkId === linkId) return node;
    const found = findIn(node.items, linkId);
    if (found) return found;
  }
  return undefined;
}

/**
 * `isEnabled(key)` for every instance of a form's answers, memoised for one state of the form.
 * `placements` knows each instance's definition and ancestors.
 */
export function enablement(roots: readonly QuestionnaireItemState[], placements: ReadonlyMap<string, Placement>): (key: string) => boolean {
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();

  const answersOf = (node: QuestionnaireItemState): AnswerValue[] => {
    const definition = placements.get(node.key)?.definition;
    if (!definition || !isEnabled(node.key)) return [];
    return node.answers.flatMap((draft) => {
      const read = readAnswer(definition, draft);
      return 'answer' in read ? [read.answer] : [];
    });
  };

  const question = (placement: Placement, linkId: string): QuestionnaireItemState | undefined => {
    for (let level = placement.ancestors.length - 1; level >= 0; level -= 1) {
      const found = findIn((placement.ancestors[level] as QuestionnaireItemState).items, linkId);
      if (found) return found;
    }
    return findIn(roots, linkId);
  };

  function isEnabled(key: string): boolean {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const placement = placements.get(key);
    // A condition that loops back on itself cannot be satisfied.
    if (!placement || visiting.has(key)) return false;
    visiting.add(key);
    const parent = placement.ancestors.at(-1);
    let enabled = parent === undefined || isEnabled(parent.key);
    const conditions = placement.definition.enableWhen ?? [];
    if (enabled && conditions.length > 0) {
      const holds = (condition: QuestionnaireEnableWhen) => {
        const node = question(placement, condition.question);
        return conditionHolds(node ? answersOf(node) : [], condition);
      };
      enabled = placement.definition.enableBehavior === 'any' ? conditions.some(holds) : conditions.every(holds);
    }
    visiting.delete(key);
    memo.set(key, enabled);
    return enabled;
  }

  return isEnabled;
}
