import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { parsePlan } from '../../graph/parse/parse-plan.ts';

describe('the plan header', () => {
  it('leaves the disclosure mark under the date out of the title', async () => {
    const bytes = readFileSync(new URL('../fixtures/examples/08-web-page.html', import.meta.url));
    const model = await parseDocument(bytes, { name: '08-web-page.html' });
    expect(model.plan.title).toBe('示例市2024年数字政府建设工作要点');
    expect(model.plan.date).toBe('2024-03-12');
  });

  it('does so in plain text too, whatever the brackets', () => {
    const text = [
      '示例县人民政府办公室',
      '2031年2月1日',
      '(此件主动公开)',
      '示例县2031年重点工作任务分工方案',
      '一、稳增长',
      '1.扩大有效投资。牵头单位:县发改局',
    ].join('\n');
    const model = parsePlan(text);
    expect(model.plan.title).toBe('示例县2031年重点工作任务分工方案');
    expect(model.plan.jurisdiction).toBe('示例县');
  });
});
