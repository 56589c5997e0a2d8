// Deadlines as printed → the normalised form a planner sorts and filters on.
import { describe, expect, it } from 'vitest';
import { Due } from '../../graph/model/plan.ts';
import { readDue } from '../../graph/parse/deadline.ts';

describe('readDue', () => {
  it.each([
    ['2023年底', '2023-12-31'],
    ['2023年底前', '2023-12-31'],
    ['2023年末', '2023-12-31'],
    ['2025年', '2025-12-31'],
    ['2023年6月底前', '2023-06-30'],
    ['2024年2月底', '2024-02-29'],
    ['2023年2月', '2023-02-28'],
    ['2024年3月', '2024-03-31'],
    ['2023年12月底', '2023-12-31'],
    ['2023年6月30日', '2023-06-30'],
    ['2023年6月30日前', '2023-06-30'],
    ['2023.6.30', '2023-06-30'],
    ['2023-06-30', '2023-06-30'],
    ['２０２３年６月底', '2023-06-30'],
    ['二〇二三年六月底', '2023-06-30'],
    ['2023年十二月', '2023-12-31'],
    ['2023年5月上旬', '2023-05-10'],
    ['2023年5月中旬', '2023-05-20'],
    ['2023年5月下旬', '2023-05-31'],
    ['2023年上半年', '2023-06-30'],
    ['2023年下半年', '2023-12-31'],
    ['2023年第三季度', '2023-09-30'],
    ['2023年一季度', '2023-03-31'],
    ['2023年前三季度', '2023-09-30'],
    ['2023—2025年', '2025-12-31'],
    ['2023-2025年', '2025-12-31'],
    ['2023年至2025年', '2025-12-31'],
    ['2023年6月至12月', '2023-12-31'],
    ['2023年6月启动，2024年底前完成', '2024-12-31'],
  ])('%s → %s', (printed, date) => {
    expect(readDue(printed)).toEqual({ kind: 'date', date });
  });

  it.each([
    ['每季度', 'quarter'],
    ['按季度', 'quarter'],
    ['每季度末月25日前', 'quarter'],
    ['每月', 'month'],
    ['按月调度', 'month'],
    ['每年', 'year'],
    ['每半年', 'half-year'],
    ['每周', 'week'],
    ['每天', 'day'],
    ['2023年起每季度', 'quarter'],
  ] as const)('%s → every %s', (printed, every) => {
    expect(readDue(printed)).toEqual({ kind: 'recurring', every });
  });

  it.each(['长期坚持', '持续推进', '长期', '常态化推进', '2023年起持续开展', '自2024年开始'])(
    '%s → ongoing',
    (printed) => {
      expect(readDue(printed)).toEqual({ kind: 'ongoing' });
    },
  );

  it.each(['', '另行通知', '年底前', '6月底前', '2023年2月30日', '按要求', '2023年13月'])(
    '%s → nothing, rather than a guess',
    (printed) => {
      expect(readDue(printed)).toBeUndefined();
    },
  );

  it('gives only what the model accepts', () => {
    for (const printed of ['2023年底', '每季度', '长期坚持', '1900年', '2300年', '2023年0月']) {
      const due = readDue(printed);
      if (due) expect(Due.parse(due)).toEqual(due);
    }
    expect(readDue('1900年')).toBeUndefined();
  });
});
