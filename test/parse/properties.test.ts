// Property tests. Unit lists written in the genre's syntax come back exactly; damaged and random
// input never throws, always validates, and reports units it loses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanModel, type PlanModel as Model } from '../../graph/model/plan.ts';
import { formatChineseNumeral, parseChineseNumeral } from '../../graph/parse/numerals.ts';
import { parsePlan, parsePlanBytes } from '../../graph/parse/parse-plan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedText = readFileSync(
  path.join(repoRoot, 'seeds', 'wuhan-14th-fyp-task-division.txt'),
  'utf8',
);

const UNIT_POOL = [
  '市发改委',
  '市经信局',
  '市科技局',
  '市教育局',
  '市人社局',
  '市自然资源和规划局',
  '市政府国资委',
  '市委网信办',
  '市委组织部',
  '团市委',
  '市妇联',
  '市科协',
  '东湖高新区管委会',
  '武汉公积金中心',
  '人行武汉分行营管部',
  '各区人民政府',
  '相关区人民政府',
  '市政府各有关部门',
  '市委国家安全委员会各成员单位',
  '中国高校(华中)科技成果转化中心',
  '市發改委',
  '市財政局',
  '各區人民政府',
];
const LABELS = ['牵头单位', '责任单位', '配合单位', '参与单位', '协办单位', '牽頭單位', '配合單位'];
const LEAD_LABELS = new Set(['牵头单位', '牽頭單位']);

interface ListUnit {
  name: string;
  qualifier?: { printed: string; members: string[] };
}
interface ListSegment {
  label: string;
  units: ListUnit[];
  /** Separator before each unit but the first: "、" or ",". */
  separators: string[];
}

const width = fc.boolean();

/** Segments with distinct labels and distinct units across the whole list. */
const unitLists = fc
  .record({
    labels: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }),
    names: fc.uniqueArray(fc.constantFrom(...UNIT_POOL), { minLength: 3, maxLength: 10 }),
    cuts: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    separators: fc.array(fc.constantFrom('、', ','), { minLength: 12, maxLength: 12 }),
    qualified: fc.option(fc.nat(), { nil: undefined }),
    sameBelow: fc.boolean(),
  })
  .map(({ labels, names, cuts, separators, qualified, sameBelow }): ListSegment[] => {
    // Distinct keys: a Traditional name and its Simplified twin are one unit.
    const keys = new Set<string>();
    const distinct = names.filter((n) => {
      const key = n.replace('發', '发').replace('區', '区').replace('財', '财');
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    const segments: ListSegment[] = [];
    let from = 0;
    labels.forEach((label, index) => {
      const left = distinct.length - from - (labels.length - index - 1);
      const take =
        index === labels.length - 1 ? left : 1 + ((cuts[index] ?? 0) % Math.max(1, left - 1));
      const units = distinct
        .slice(from, from + Math.max(1, take))
        .map((name) => ({ name }) as ListUnit);
      from += units.length;
      if (units.length > 0) {
        segments.push({
          label,
          units,
          separators: units.slice(1).map((_, k) => separators[k] ?? '、'),
        });
      }
    });
    if (qualified !== undefined) {
      const all = segments.flatMap((s) => s.units);
      const target = all[qualified % all.length];
      if (!target) return segments;
      const members = ['东湖高新区', '武汉经开区'];
      target.qualifier = {
        printed: `〈含${members.join('、')}${sameBelow ? ',下同' : ''}〉`,
        members,
      };
    }
    return segments;
  });

function printList(segments: ListSegment[], full: boolean): string {
  const colon = full ? '：' : ':';
  const semicolon = full ? '；' : ';';
  return segments
    .map(
      (s) =>
        s.label +
        colon +
        s.units
          .map((u, k) => {
            const sep =
              k === 0
                ? ''
                : s.separators[k - 1] === ',' && full
                  ? '，'
                  : (s.separators[k - 1] ?? '、');
            return sep + u.name + (u.qualifier?.printed ?? '');
          })
          .join(''),
    )
    .join(semicolon);
}

function expectedUnits(segments: ListSegment[]) {
  const hasLead = segments.some((s) => LEAD_LABELS.has(s.label));
  return segments.flatMap((s) =>
    s.units.map((u) => ({
      name: u.name,
      role: s.label,
      edge: !hasLead || LEAD_LABELS.has(s.label) ? 'LEADS' : 'SUPPORTS',
      inferred: !hasLead,
    })),
  );
}

function valid(model: Model): void {
  expect(() => PlanModel.parse(model)).not.toThrow();
  expect(model.issues.filter((i) => i.code === 'internal-error')).toEqual([]);
}

const HEAD = '示例市重点任务分工方案\n\n一、重点任务\n\n';
const quiet = (model: Model) =>
  model.issues.filter((i) => i.severity !== 'info').map((i) => `${i.code}: ${i.message}`);

describe('generated unit lists', () => {
  it('come back exactly from a trailing "(…)" on an item line', () => {
    fc.assert(
      fc.property(unitLists, width, width, fc.boolean(), (segments, fullList, fullParens, stop) => {
        const [open, close] = fullParens ? ['（', '）'] : ['(', ')'];
        const text = `${HEAD}1.推进重点工作,加快建设。${open}${printList(segments, fullList)}${close}${stop ? '。' : ''}`;
        const model = parsePlan(text);
        valid(model);
        const item = model.items.find((i) => i.ref === '一1');
        expect(item?.title).toBe('推进重点工作');
        expect(
          item?.units.map(({ name, role, edge, inferred }) => ({ name, role, edge, inferred })),
        ).toEqual(expectedUnits(segments));
        expect(quiet(model)).toEqual([]);
        for (const u of segments.flatMap((s) => s.units)) {
          if (!u.qualifier) continue;
          const mention = model.units.find((m) => m.name === u.name);
          expect(mention?.qualifier).toBe(u.qualifier.printed);
          expect(mention?.members).toEqual(u.qualifier.members);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('come back exactly from a line of their own after the item', () => {
    fc.assert(
      fc.property(unitLists, width, fc.constantFrom('', '。'), (segments, full, stop) => {
        const text = `${HEAD}1.推进重点工作,加快建设。\n${printList(segments, full)}${stop}`;
        const model = parsePlan(text);
        valid(model);
        const item = model.items.find((i) => i.ref === '一1');
        expect(
          item?.units.map(({ name, role, edge, inferred }) => ({ name, role, edge, inferred })),
        ).toEqual(expectedUnits(segments));
        expect(quiet(model)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('come back exactly in the "X牵头,Y配合" style', () => {
    const verbs = ['牵头', '配合', '负责', '按职责分工负责', '负责落实', '配合落实', '牵头落实'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...UNIT_POOL.slice(0, 19)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...verbs), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (names, roles, breaks) => {
          // Groups end where `breaks` says (and at the end); each group closes with its role verb.
          const groups: Array<{ names: string[]; role: string }> = [];
          let current: string[] = [];
          names.forEach((name, k) => {
            current.push(name);
            if (breaks[k] || k === names.length - 1) {
              groups.push({ names: current, role: roles[groups.length] ?? '配合' });
              current = [];
            }
          });
          const list = groups.map((g) => g.names.join('、') + g.role).join(',');
          const model = parsePlan(`${HEAD}1.推进重点工作。(${list})`);
          valid(model);
          // With no 牵头, the groups that 负责 lead when some other group only cooperates
          // ("X负责,Y配合"); with neither, every unit owns the item.
          const marked = groups.some((g) => g.role.includes('牵头'));
          const owns = (g: { role: string }) => g.role === '负责';
          const promoted = !marked && groups.some(owns) && groups.some((g) => !owns(g));
          const leads = (g: { role: string }) =>
            marked ? g.role.includes('牵头') : promoted ? owns(g) : true;
          const want = groups.flatMap((g) =>
            g.names.map((name) => ({
              name,
              role: g.role,
              edge: leads(g) ? 'LEADS' : 'SUPPORTS',
            })),
          );
          const item = model.items.find((i) => i.ref === '一1');
          expect(item?.units.map(({ name, role, edge }) => ({ name, role, edge }))).toEqual(want);
          expect(quiet(model)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Every (item ref, unit key) pair of a model. */
function assignments(model: Model): Set<string> {
  return new Set(model.items.flatMap((i) => i.units.map((u) => `${i.ref}|${u.key}|${u.edge}`)));
}

const seedModel = parsePlan(seedText);
const seedAssignments = assignments(seedModel);
const seedLines = seedText.split('\n');
/** Lines of the seed that carry units, and where their structural punctuation is. */
const listLines = seedLines
  .map((line, index) => ({ line, index }))
  .filter(({ line }) => /单位:/.test(line));

type Damage = { which: number; at: number; how: string };

/** The seed with each damage done to a unit list line: a mark (bracket, separator) deleted or replaced. */
function damaged(damages: readonly Damage[]): string {
  const lines = [...seedLines];
  for (const d of damages) {
    const target = listLines[d.which % listLines.length];
    const text = target && lines[target.index];
    if (!target || !text) continue;
    const marks = [...text.matchAll(/[(),:;、〈〉]/g)].map((m) => m.index);
    const at = marks[d.at % marks.length];
    if (at === undefined) continue;
    lines[target.index] =
      text.slice(0, at) + (d.how === 'delete' ? '' : d.how) + text.slice(at + 1);
  }
  return lines.join('\n');
}

/** Damages random runs once found losing units silently, each fixed in the parser since. */
const FOUND: Damage[][] = [
  // "市城建局,武汉旅游体育有限公司" → one name (merged-unit-names).
  [{ which: 987327198, at: 608899454, how: 'delete' }],
  // "市城建局(市发改委,相关区人民政府)": a list in brackets (suspicious-unit-name).
  [
    { which: 1315648317, at: 541383720, how: '(' },
    { which: 217413642, at: 0, how: 'delete' },
    { which: 0, at: 0, how: 'delete' },
  ],
  // "责任单位〈市城管执法委)" left out as a paragraph (now a list with unbalanced brackets).
  [
    { which: 410392874, at: 0, how: 'delete' },
    { which: 1961965814, at: 0, how: '〈' },
  ],
  // "责任单位〉市卫健委)": the same with a closing bracket.
  [
    { which: 848451398, at: 420709327, how: '〉' },
    { which: 1743236638, at: 0, how: 'delete' },
  ],
  // "市经信局责任单位": a name holding a role label (suspicious-unit-name).
  [
    { which: 1612985464, at: 936861347, how: 'delete' },
    { which: 1039576294, at: 1070026058, how: '、' },
    { which: 0, at: 0, how: 'delete' },
  ],
  // "(牵头单位)市文旅局、市房管局;责任单位:…": the leads left in the text (label-outside-list).
  [
    { which: 1166246250, at: 143706169, how: 'delete' },
    { which: 1878124050, at: 373188613, how: ')' },
  ],
  // "责任单位。市委政法委)" left out as a paragraph (unread-unit-list).
  [
    { which: 2045533288, at: 238513429, how: '。' },
    { which: 51049243, at: 0, how: 'delete' },
  ],
];

describe('damaged input', () => {
  it('a mangled unit list in the seed either keeps its units or says so', () => {
    const damage = fc.record({
      which: fc.nat(),
      at: fc.nat(),
      how: fc.constantFrom('delete', '、', ',', ';', ':', '(', ')', '〈', '〉', '。', ' '),
    });
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (damages) => {
        const model = parsePlan(damaged(damages));
        valid(model);
        const now = assignments(model);
        const lost = [...seedAssignments].filter((a) => !now.has(a));
        const reported = model.issues.filter((i) => i.severity !== 'info');
        if (lost.length > 0) {
          expect(reported.length, `lost ${lost.slice(0, 3).join(', ')} silently`).toBeGreaterThan(
            0,
          );
        }
      }),
      // Random seed: 100 runs of 500 passed before it was unpinned. The damages found so far run
      // first, every time.
      { numRuns: 300, examples: FOUND.map((found) => [found]) },
    );
  });

  it('the deleted "," between 市城建局 and 武汉旅游体育有限公司 is reported on its line', () => {
    const model = parsePlan(damaged([{ which: 987327198, at: 608899454, how: 'delete' }]));
    const line = seedLines.findIndex((text) => text.includes('市城建局,武汉旅游体育有限公司')) + 1;
    expect(line).toBe(365);
    expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([
      {
        code: 'merged-unit-names',
        severity: 'warning',
        message:
          '"市城建局武汉旅游体育有限公司" reads as two units run together (市城建局 + 武汉旅游体育有限公司): ' +
          'a separator (、 or ,) was expected between them',
        line: 365,
      },
    ]);
    expect(model.items.find((i) => i.ref === '三(十六)')?.units.map((u) => u.name)).toContain(
      '市城建局武汉旅游体育有限公司',
    );
  });

  it('full-width and half-width punctuation give the same model', () => {
    const toFull: Record<string, string> = {
      '(': '（',
      ')': '）',
      ',': '，',
      ';': '；',
      ':': '：',
    };
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (flags) => {
        const chosen = Object.keys(toFull).filter((_, k) => flags[k]);
        let text = seedText;
        for (const ch of chosen) text = text.split(ch).join(toFull[ch] ?? ch);
        const model = parsePlan(text);
        valid(model);
        expect(assignments(model)).toEqual(seedAssignments);
        expect(model.items.map((i) => i.ref)).toEqual(seedModel.items.map((i) => i.ref));
      }),
      { numRuns: 20 },
    );
  });

  it('random cuts of the seed never throw, and a list cut short is reported on its line', () => {
    fc.assert(
      fc.property(fc.nat(seedText.length), fc.nat(seedText.length), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const text = seedText.slice(from, to);
        const model = parsePlan(text);
        valid(model);
        const lines = text.split('\n');
        const last = lines[lines.length - 1] ?? '';
        const open = last.lastIndexOf('(');
        if (
          open !== -1 &&
          /^\((牵头|责任|参与)单位:/.test(last.slice(open)) &&
          !last.includes(')', open)
        ) {
          expect(
            model.issues.some((i) => i.line === lines.length && i.severity !== 'info'),
            `nothing reported for "${last.slice(-30)}"`,
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes never throw and always say what is wrong', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const model = parsePlanBytes(bytes);
        valid(model);
        if (model.items.length === 0) {
          expect(
            model.issues.some((i) => i.code === 'no-items' || i.code === 'empty-document'),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("random text in the genre's alphabet never throws", () => {
    const alphabet = fc.constantFrom(
      ...'一二三四五六七八九十()（）:：;；,，、。〈〉<>《》“”1234567890.\n\t 牵头单位责任配合市局委区各相关下同列第一位者为专栏按照号〔〕',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (chars) => {
        valid(parsePlan(chars.join('')));
      }),
      { numRuns: 500 },
    );
  });
});

describe('Chinese numerals', () => {
  it('round-trip from 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
      }),
    );
    expect([15, 23, 105, 2345].map(formatChineseNumeral)).toEqual([
      '十五',
      '二十三',
      '一百零五',
      '二千三百四十五',
    ]);
  });
});
