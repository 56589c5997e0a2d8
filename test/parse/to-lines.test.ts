// Blocks become the lines the layouts read: soft breaks are lines, except where a page or a cell
// only wrapped a unit list; table rows keep their cells and every line its source position.
import { describe, expect, it } from 'vitest';
import { softLines, toLines } from '../../graph/parse/read/to-lines.ts';

describe('softLines', () => {
  it('keeps a break between two paragraphs-in-one as two lines', () => {
    expect(softLines('一、总体要求\n(一)加强组织领导')).toEqual([
      '一、总体要求',
      '(一)加强组织领导',
    ]);
  });
  it('joins a list wrapped after its separator or inside its bracket', () => {
    expect(softLines('(责任单位:县财政局、\n县交通运输局)')).toEqual([
      '(责任单位:县财政局、县交通运输局)',
    ]);
    expect(softLines('牵头单位:\n市发改委')).toEqual(['牵头单位:市发改委']);
    expect(softLines('(牵头单位:市数据局;配合单位:市财政局\n市委网信办)\n下一段')).toEqual([
      '(牵头单位:市数据局;配合单位:市财政局、市委网信办)',
      '下一段',
    ]);
  });
  it('never loses text, whatever the breaks', () => {
    const text = '甲、\n乙(丙\n丁)\n戊\n';
    expect(softLines(text).join('').replaceAll('、', '')).toBe(text.replaceAll(/[\n、]/gu, ''));
  });
});

describe('toLines', () => {
  it('numbers lines in block order, keeping cells and positions', () => {
    const { lines, sources, text } = toLines([
      { kind: 'paragraph', text: '示例通知\n一、任务', source: { format: 'docx', paragraph: 1 } },
      {
        kind: 'row',
        table: 1,
        cells: [
          { text: '1', span: 1, merged: false },
          { text: '市发改委\n市财政局', span: 1, merged: true },
        ],
        source: { format: 'docx', paragraph: 2, table: 1, row: 2 },
      },
    ]);
    expect(lines.map((l) => [l.line, l.original])).toEqual([
      [1, '示例通知'],
      [2, '一、任务'],
      [3, '1\t市发改委 市财政局'],
    ]);
    expect(lines[2]?.cells?.[1]).toEqual({ text: '市发改委\n市财政局', span: 1, merged: true });
    expect(sources).toEqual([
      { format: 'docx', paragraph: 1 },
      { format: 'docx', paragraph: 1 },
      { format: 'docx', paragraph: 2, table: 1, row: 2 },
    ]);
    expect(text.split('\n')).toHaveLength(3);
  });
});
