import { describe, expect, it } from 'vitest';
import { median, medianInterval, verdict } from '../bench/median-interval.ts';

describe('medianInterval (the proxy bench’s verdicts)', () => {
  it('is the widest order-statistic pair that reaches the level, with the confidence it really has', () => {
    // n = 8: the 2nd smallest to the 2nd largest covers 1 − 2·9/256 ≈ 93% ≥ 90%; the 3rd pair only 71%.
    expect(medianInterval([8, 1, 7, 2, 6, 3, 5, 4])).toEqual({ median: 4.5, low: 2, high: 7, confidence: 1 - 18 / 256 });
    // For 95% the 2nd pair is not enough: the whole range, 99.2%.
    expect(medianInterval([8, 1, 7, 2, 6, 3, 5, 4], 0.95)).toMatchObject({ low: 1, high: 8, confidence: 1 - 2 / 256 });
    // n = 10 at 95%: the 2nd pair covers 1 − 2·11/1024 ≈ 97.9%.
    expect(medianInterval([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.95)).toMatchObject({ median: 5.5, low: 2, high: 9 });
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('says when there are too few rounds for the level', () => {
    expect(medianInterval([3, 1, 2, 5, 4], 0.95)).toEqual({ median: 3, low: 1, high: 5, confidence: 1 - 2 / 32 });
    expect(() => medianInterval([])).toThrow(RangeError);
  });

  it('calls a target met or not only when the whole interval agrees', () => {
    const around = (low: number, high: number) => ({ median: (low + high) / 2, low, high, confidence: 0.93 });
    expect(verdict(around(0.86, 0.95), 0.85, 'higher')).toBe('met');
    expect(verdict(around(0.7, 0.84), 0.85, 'higher')).toBe('NOT met');
    expect(verdict(around(0.8, 0.9), 0.85, 'higher')).toBe('not decided by this run');
    expect(verdict(around(0.2, 1.9), 2, 'lower')).toBe('met');
    expect(verdict(around(2.1, 3), 2, 'lower')).toBe('NOT met');
    expect(verdict(around(1.5, 2.5), 2, 'lower')).toBe('not decided by this run');
  });

  it('decides nothing from too few rounds, however far from the target they are', () => {
    const twoRounds = medianInterval([0.95, 0.97]);
    expect(twoRounds.confidence).toBe(0.5);
    expect(verdict(twoRounds, 0.85, 'higher')).toBe('not decided by this run');
    expect(verdict(medianInterval([0.95, 0.97, 0.96, 0.98, 0.99, 0.94]), 0.85, 'higher')).toBe('met');
  });
});
