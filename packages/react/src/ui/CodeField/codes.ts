/**
 * CodeField's value vocabulary, defined headless in `headless/coded-value.ts` (hooks hold coded values too). Kept
 * here only for `DesignSystem.stories.tsx`, which imports it by this path; delete once the story imports the
 * headless module.
 */
export { codedValueOf, optionLabel, textOf, type CodedValue, type CodeOption } from '../../headless/coded-value.ts';
