// The pure rules of progress that the server and the page share (contract/progress.ts): an
// indicator's value judged on its target's comparator, and its trajectory by year.
import { describe, expect, it } from 'vitest';
import { trackOf, trajectoryOf, type IndicatorValue } from '../../contract/progress.ts';

describe('an indicator’s trajectory', () => {
  const value = (year: number, v: number, at: string): IndicatorValue => ({
    id: `${year}-${at}`,
    itemId: 'x',
    planId: 'p',
    itemRef: null,
    itemTitle: null,
    at,
    by: 'li',
    year,
    value: v,
    note: null,
  });

  it('judges each year by the target’s comparator', () => {
    expect(trackOf({ comparator: '>=', value: 14.5 }, 14.5)).toBe('on-track');
    expect(trackOf({ comparator: '>', value: 14.5 }, 14.5)).toBe('off-track');
    expect(trackOf({ comparator: '<=', value: 3 }, 3.1)).toBe('off-track');
    expect(trackOf({ comparator: '<', value: 3 }, 2.9)).toBe('on-track');
    expect(trackOf({ comparator: '~', value: 7 }, 7.6)).toBe('on-track');
    expect(trackOf({ comparator: '~', value: 7 }, 7.8)).toBe('off-track');
    expect(trackOf({ comparator: 'provincial-target', value: null }, 1)).toBe('unknown');
    expect(trackOf(null, 1)).toBe('unknown');
  });

  it('keeps the newest value of each year, oldest year first', () => {
    const trajectory = trajectoryOf({ comparator: '>=', value: 10 }, [
      value(2022, 9, '2023-01-10T00:00:00Z'),
      value(2021, 8, '2022-01-10T00:00:00Z'),
      value(2022, 10.5, '2023-02-10T00:00:00Z'),
    ]);
    expect(trajectory.map((y) => [y.year, y.value, y.track])).toEqual([
      [2021, 8, 'off-track'],
      [2022, 10.5, 'on-track'],
    ]);
  });
});
