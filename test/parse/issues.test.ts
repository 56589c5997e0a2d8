// Bad input comes back as coded issues with the line they concern — never as an exception, never
// as units silently dropped — and the model still validates.
import { describe, expect, it } from 'vitest';
import { PlanModel, type PlanModel as Model } from '../../graph/model/plan.ts';
import { ISSUE_SEVERITY } from '../../graph/parse/issues.ts';
import { parsePlan, parsePlanBytes } from '../../graph/parse/parse-plan.ts';
import { HANG_MS } from '../support/hang.ts';

/** A heading block, so the item under test is on line 5. */
const HEAD = '示例市重点任务分工方案\n\n一、重点任务\n\n';

function parsed(text: string): Model {
  const model = parsePlan(text);
  expect(() => PlanModel.parse(model)).not.toThrow();
  return model;
}

function issue(model: Model, code: string) {
  return model.issues.find((i) => i.code === code);
}

function units(model: Model, ref: string) {
  return model.items.find((i) => i.ref === ref)?.units.map((u) => [u.name, u.role, u.edge]);
}

describe('issues', () => {
  it('empty-document', () => {
    const model = parsed(' \n\u3000\n\n');
    expect(model.issues).toEqual([
      { code: 'empty-document', severity: 'error', message: 'the document is empty', line: null },
    ]);
    expect(model.items).toEqual([]);
    expect(model.plan.title).toBe('未命名计划');
  });

  it('binary-data (NUL bytes), from text and from bytes', () => {
    expect(
      issue(parsed('一、任务\n1.工作\u0000。(牵头单位:市教育局)'), 'binary-data'),
    ).toMatchObject({
      severity: 'error',
      line: null,
    });
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0xff]);
    const model = parsePlanBytes(bytes);
    expect(model.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['binary-data', 'no-items']),
    );
    expect(model.issues.filter((i) => i.code === 'binary-data')).toHaveLength(1);
  });

  it('invalid-utf8 (U+FFFD in the text) with its line', () => {
    expect(issue(parsed(HEAD + '1.工作\ufffd。(牵头单位:市教育局)'), 'invalid-utf8')).toMatchObject(
      {
        severity: 'error',
        line: 5,
      },
    );
  });

  it('no-items', () => {
    const model = parsed('这是一段没有任何条目的文字。\n另一段文字。');
    expect(issue(model, 'no-items')).toMatchObject({ severity: 'error', line: null });
    expect(issue(model, 'no-jurisdiction')).toMatchObject({ severity: 'warning' });
  });

  it('no-title when the document starts with its first heading', () => {
    const model = parsed('一、重点任务\n1.工作一。(牵头单位:市教育局)');
    expect(issue(model, 'no-title')).toMatchObject({ severity: 'warning', line: null });
    expect(model.plan.title).toBe('一、重点任务');
  });

  it('unbalanced-brackets: a warning when the units were still read', () => {
    const model = parsed(
      HEAD +
        '1.推进某项工作。(牵头单位:市教育局;责任单位:市人社局\n\n2.另一项。(牵头单位:市财政局)',
    );
    expect(issue(model, 'unbalanced-brackets')).toMatchObject({ severity: 'warning', line: 5 });
    expect(units(model, '一1')).toEqual([
      ['市教育局', '牵头单位', 'LEADS'],
      ['市人社局', '责任单位', 'SUPPORTS'],
    ]);
    expect(units(model, '一2')).toEqual([['市财政局', '牵头单位', 'LEADS']]);
  });

  it('unbalanced-brackets: a stray ")" after a list whose "(" went missing', () => {
    const model = parsed(HEAD + '1.推进某项工作。牵头单位:市教育局;责任单位:市人社局)');
    expect(issue(model, 'unbalanced-brackets')).toMatchObject({ severity: 'warning', line: 5 });
    expect(model.items.find((i) => i.ref === '一1')?.title).toBe('推进某项工作');
    expect(units(model, '一1')).toEqual([
      ['市教育局', '牵头单位', 'LEADS'],
      ['市人社局', '责任单位', 'SUPPORTS'],
    ]);
  });

  it('unbalanced-brackets: an error when the units were lost', () => {
    const model = parsed(HEAD + '1.推进某项工作。(牵头单位:');
    expect(issue(model, 'unbalanced-brackets')).toMatchObject({ severity: 'error', line: 5 });
  });

  it('empty-role: a label with no units', () => {
    const model = parsed(HEAD + '1.推进某项工作。(牵头单位:;责任单位:市人社局)');
    expect(issue(model, 'empty-role')).toMatchObject({ severity: 'error', line: 5 });
    expect(units(model, '一1')).toEqual([['市人社局', '责任单位', 'LEADS']]);
  });

  it('unknown-role: units kept with the printed role, not counted as lead', () => {
    const model = parsed(HEAD + '1.推进某项工作。(主抓单位:市教育局;牵头单位:市人社局)');
    expect(issue(model, 'unknown-role')).toMatchObject({ severity: 'warning', line: 5 });
    expect(units(model, '一1')).toEqual([
      ['市教育局', '主抓单位', 'SUPPORTS'],
      ['市人社局', '牵头单位', 'LEADS'],
    ]);
  });

  it('missing-colon and missing-separator: read as meant, and reported', () => {
    const colon = parsed(HEAD + '1.推进某项工作。(牵头单位市教育局;责任单位:市人社局)');
    expect(issue(colon, 'missing-colon')).toMatchObject({ severity: 'warning', line: 5 });
    const separator = parsed(HEAD + '1.推进某项工作。(牵头单位:市教育局责任单位:市人社局)');
    expect(issue(separator, 'missing-separator')).toMatchObject({ severity: 'warning', line: 5 });
    for (const model of [colon, separator]) {
      expect(units(model, '一1')).toEqual([
        ['市教育局', '牵头单位', 'LEADS'],
        ['市人社局', '责任单位', 'SUPPORTS'],
      ]);
    }
  });

  it('role-missing: units after the last role word are kept as 未标明 and do not lead', () => {
    const model = parsed(HEAD + '1.推进某项工作。(市教育局牵头,市人社局)');
    expect(issue(model, 'role-missing')).toMatchObject({ severity: 'warning', line: 5 });
    expect(units(model, '一1')).toEqual([
      ['市教育局', '牵头', 'LEADS'],
      ['市人社局', '未标明', 'SUPPORTS'],
    ]);
  });

  it('unit-list-without-edges: a list-like line that yields no unit', () => {
    const model = parsed(HEAD + '1.推进某项工作。(由牵头部门研究确定)');
    expect(issue(model, 'unit-list-without-edges')).toMatchObject({ severity: 'error', line: 5 });
  });

  it('orphan-unit-list: units before any item', () => {
    const model = parsed(
      '示例市方案\n\n牵头单位:市教育局\n\n一、重点任务\n\n1.工作。(责任单位:市人社局)',
    );
    expect(issue(model, 'orphan-unit-list')).toMatchObject({ severity: 'error', line: 3 });
  });

  it('empty-unit and suspicious-unit-name', () => {
    const empty = parsed(HEAD + '1.工作。(牵头单位:市教育局、、市人社局)');
    expect(issue(empty, 'empty-unit')).toMatchObject({ severity: 'warning', line: 5 });
    expect(units(empty, '一1')?.map(([n]) => n)).toEqual(['市教育局', '市人社局']);
    const long = parsed(
      HEAD + '1.工作。(牵头单位:市教育局要加强组织领导认真负责落实各项具体工作任务)',
    );
    expect(issue(long, 'suspicious-unit-name')).toMatchObject({ severity: 'warning', line: 5 });
  });

  it('merged-unit-names: two names of the document run together', () => {
    const model = parsed(
      HEAD + '1.工作一。(牵头单位:市教育局、市人社局)\n\n2.工作二。(牵头单位:市教育局市人社局)',
    );
    expect(issue(model, 'merged-unit-names')).toMatchObject({ severity: 'warning', line: 7 });
  });

  it('merged-unit-names: a name of the document run into one printed once, before or after it', () => {
    const after = parsed(
      HEAD + '1.工作一。(牵头单位:市城建局)\n\n2.工作二。(牵头单位:市城建局武汉旅游体育有限公司)',
    );
    expect(issue(after, 'merged-unit-names')).toEqual({
      code: 'merged-unit-names',
      severity: 'warning',
      message:
        '"市城建局武汉旅游体育有限公司" reads as two units run together (市城建局 + 武汉旅游体育有限公司): ' +
        'a separator (、 or ,) was expected between them',
      line: 7,
    });
    const before = parsed(
      HEAD +
        '1.工作一。(牵头单位:相关区人民政府)\n\n2.工作二。(牵头单位:武汉旅游体育有限公司相关区人民政府)',
    );
    expect(issue(before, 'merged-unit-names')?.message).toContain(
      '(武汉旅游体育有限公司 + 相关区人民政府)',
    );
    // A unit and its own longer name (东湖高新区, 东湖高新区管委会) are no merge.
    const alias = parsed(
      HEAD + '1.工作一。(牵头单位:东湖高新区)\n\n2.工作二。(牵头单位:东湖高新区管委会)',
    );
    expect(issue(alias, 'merged-unit-names')).toBeUndefined();
  });

  it('suspicious-unit-name: a list in brackets, or a role label, inside one name', () => {
    const bracket = parsed(
      HEAD + '1.工作。(牵头单位:市交通运输局;责任单位:市城建局(市发改委,相关区人民政府)',
    );
    expect(issue(bracket, 'suspicious-unit-name')).toMatchObject({
      severity: 'warning',
      line: 5,
      message:
        '"市城建局(市发改委,相关区人民政府)" holds a list in brackets: a "、" or "," was expected, not "("',
    });
    const label = parsed(HEAD + '1.工作。(牵头单位:市经信局责任单位、武汉经开区管委会)');
    expect(issue(label, 'suspicious-unit-name')).toMatchObject({
      severity: 'warning',
      line: 5,
      message: '"市经信局责任单位" holds a role label: a ";" was expected before it',
    });
    // A qualifier in round brackets is the name's own.
    const qualified = parsed(HEAD + '1.工作。(牵头单位:各区人民政府(含东湖高新区、武汉经开区))');
    expect(issue(qualified, 'suspicious-unit-name')).toBeUndefined();
    expect(units(qualified, '一1')).toEqual([
      ['各区人民政府(含东湖高新区、武汉经开区)', '牵头单位', 'LEADS'],
    ]);
  });

  it('label-outside-list: a role label left in the text before the list', () => {
    const model = parsed(
      HEAD + '1.工作。(牵头单位)市文旅局、市房管局;责任单位:市自然资源和规划局,各区人民政府',
    );
    expect(issue(model, 'label-outside-list')).toEqual({
      code: 'label-outside-list',
      severity: 'warning',
      message:
        '"牵头单位" stands in the text before the unit list: its units were not read (a bracket or ":" out of place?)',
      line: 5,
    });
    expect(units(model, '一1')?.map(([name]) => name)).toEqual([
      '市自然资源和规划局',
      '各区人民政府',
    ]);
  });

  it('a role label followed by a bracket is a broken list, not a paragraph to leave out', () => {
    const model = parsed(HEAD + '1.工作。(牵头单位:市教育局)\n\n文体圈。责任单位〈市体育局)');
    expect(model.issues.filter((i) => i.severity === 'error')).toEqual([
      {
        code: 'unbalanced-brackets',
        severity: 'error',
        message: '")" at column 14 has no partner: the unit list could not be read',
        line: 7,
      },
    ]);
    expect(issue(model, 'unattached-paragraph')).toBeUndefined();
  });

  it('unread-unit-list: a paragraph left out that names a role', () => {
    const model = parsed(HEAD + '1.工作。(牵头单位:市教育局)\n\n文体圈。责任单位。市体育局)');
    expect(issue(model, 'unread-unit-list')).toEqual({
      code: 'unread-unit-list',
      severity: 'warning',
      message:
        '"文体圈。责任单位。市体育局)" names the role "责任单位" but reads as no unit list: left out',
      line: 7,
    });
    // Without a role word it is only a paragraph that belongs to nothing.
    const prose = parsed(HEAD + '1.工作。(牵头单位:市教育局)\n\n文体圈。');
    expect(issue(prose, 'unattached-paragraph')).toMatchObject({ severity: 'info', line: 7 });
    expect(issue(prose, 'unread-unit-list')).toBeUndefined();
  });

  it('duplicate-unit, duplicate-unit-list and duplicate-ref', () => {
    const unit = parsed(HEAD + '1.工作。(牵头单位:市教育局;责任单位:市教育局、市人社局)');
    expect(issue(unit, 'duplicate-unit')).toMatchObject({ severity: 'info', line: 5 });
    expect(units(unit, '一1')).toEqual([
      ['市教育局', '牵头单位', 'LEADS'],
      ['市人社局', '责任单位', 'SUPPORTS'],
    ]);
    const list = parsed(HEAD + '1.工作。(牵头单位:市教育局)\n责任单位:市人社局');
    expect(issue(list, 'duplicate-unit-list')).toMatchObject({ severity: 'warning', line: 6 });
    expect(units(list, '一1')).toHaveLength(2);
    const ref = parsed(HEAD + '1.工作。(牵头单位:市教育局)\n1.工作。(牵头单位:市人社局)');
    expect(issue(ref, 'duplicate-ref')).toMatchObject({ severity: 'warning', line: 6 });
    expect(ref.items.map((i) => i.ref)).toEqual(['一1', '一1-2']);
    expect(new Set(ref.items.map((i) => i.id)).size).toBe(2);
  });

  it('numbering-gap, no-units, empty-title', () => {
    const gap = parsed(HEAD + '1.工作一。(牵头单位:市教育局)\n\n3.工作三。(牵头单位:市教育局)');
    expect(issue(gap, 'numbering-gap')).toMatchObject({ severity: 'warning', line: 7 });
    const none = parsed(HEAD + '1.工作一。\n\n2.工作二。(牵头单位:市教育局)');
    expect(issue(none, 'no-units')).toMatchObject({ severity: 'warning', line: 5 });
    const title = parsed(HEAD + '1.(牵头单位:市教育局)');
    expect(issue(title, 'empty-title')).toMatchObject({ severity: 'warning', line: 5 });
    expect(title.items.find((i) => i.ref === '一1')?.title).toBe('一1');
  });

  it('person-named: a label naming a person is not a unit', () => {
    const model = parsed(HEAD + '1.工作一。(牵头领导:张三;牵头单位:市教育局)');
    expect(issue(model, 'person-named')).toMatchObject({ severity: 'info', line: 5 });
    expect(units(model, '一1')).toEqual([['市教育局', '牵头单位', 'LEADS']]);
  });

  it('unattached-paragraph and unnumbered-item', () => {
    const stray = parsed(HEAD + '1.工作一。(牵头单位:市教育局)\n这是多余的一段文字,后面没有单位。');
    expect(issue(stray, 'unattached-paragraph')).toMatchObject({ severity: 'info', line: 6 });
    const unnumbered = parsed(HEAD + '做好某项工作。(牵头单位:市教育局)');
    expect(issue(unnumbered, 'unnumbered-item')).toMatchObject({ severity: 'info', line: 5 });
    expect(units(unnumbered, '一·1')).toEqual([['市教育局', '牵头单位', 'LEADS']]);
  });

  it('table-row-shape', () => {
    const model = parsed('分工表\n\n序号\t主要任务\t牵头单位\t协办单位\n1\t工作一\t区科技局');
    expect(issue(model, 'table-row-shape')).toMatchObject({ severity: 'warning', line: 4 });
    expect(units(model, '1')).toEqual([['区科技局', '牵头单位', 'LEADS']]);
  });

  it('gives every code one severity, listed in ISSUE_SEVERITY', () => {
    expect(Object.keys(ISSUE_SEVERITY).length).toBeGreaterThanOrEqual(30);
    for (const severity of Object.values(ISSUE_SEVERITY)) {
      expect(['error', 'warning', 'info']).toContain(severity);
    }
  });
});

describe('pathological input', () => {
  it('ends on megabyte lines of brackets, separators and role words', () => {
    const lines = [
      '('.repeat(1 << 20),
      `1.工作。(牵头单位:${'市教育局;'.repeat(100_000)})`,
      `1.工作。(责任单位:${'市教育局、'.repeat(100_000)}`,
      `1.工作。(牵头单位:${'x'.repeat(1 << 20)})`,
      `${'牵头单位:'.repeat(100_000)}`,
      `(一)${'〈《“'.repeat(200_000)}`,
    ];
    for (const line of lines) {
      const started = performance.now();
      const model = parsed(HEAD + line);
      expect(model.issues.some((i) => i.code === 'internal-error')).toBe(false);
      expect(performance.now() - started, line.slice(0, 12)).toBeLessThan(HANG_MS);
    }
  });
});
