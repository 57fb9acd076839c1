import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor, redactAnswer } from './redact.ts';

const clinikapiKey = `clk_live_${'Q'.repeat(32)}`;
const otherKey = `MS0${'x'.repeat(40)}-au2`;

describe('redacting key-shaped strings', () => {
  const redactor = createRedactor([otherKey, otherKey.replace(/-au2$/, '')]);

  it('finds ClinikAPI keys by shape, with or without a shard, and the call’s own key exactly', () => {
    expect(redactor.redact(`a ${clinikapiKey} b`)).toBe(`a ${REDACTED} b`);
    expect(redactor.redact(`${clinikapiKey}-uk1!`)).toBe(`${REDACTED}!`);
    expect(redactor.redact(`key=${otherKey}`)).toBe(`key=${REDACTED}`);
    expect(redactor.redact('clk_test_short')).toBe('clk_test_short');
    expect(redactor.mayHold('nothing here')).toBe(false);
    expect(redactor.mayHold(`{"a":"${otherKey}"}`)).toBe(true);
  });

  it('takes an answer that spells characters escaped as one that may hold a key, since its text cannot show one', () => {
    const slashed = `MS0/${'x'.repeat(40)}-au2`;
    const withSlash = createRedactor([slashed]);
    for (const [text, holds] of [
      [JSON.stringify({ a: clinikapiKey }).replace('clk_', 'clk\\u005f'), clinikapiKey],
      [JSON.stringify({ a: slashed }).replace('/', '\\/'), slashed],
    ] as const) {
      expect(JSON.stringify(JSON.parse(text))).toContain(holds);
      expect(withSlash.mayHold(text), text).toBe(true);
    }
    expect(withSlash.mayHold('{"a":"plain text, a line\\nbreak"}')).toBe(false);
  });

  it('redacts strings and keys anywhere in an answer, and counts them', () => {
    const answer = { data: { note: clinikapiKey, list: ['ok', `x${otherKey}`], [clinikapiKey]: 1 } };
    expect(redactAnswer(answer, redactor)).toBe(3);
    expect(JSON.stringify(answer)).not.toMatch(/clk_live_|MS0x/);
    expect(answer.data.list[0]).toBe('ok');
  });

  it('walks an answer nested deeper than the call stack without throwing', () => {
    let deep: unknown = clinikapiKey;
    for (let depth = 0; depth < 200_000; depth += 1) deep = [deep];
    expect(redactAnswer(deep, redactor)).toBe(1);
  });
});
