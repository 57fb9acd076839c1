export { CodeField, type CodeFieldProps } from './CodeField.tsx';
export { codedValueOf, optionLabel, textOf, type CodedValue, type CodeOption } from '../../headless/coded-value.ts';
