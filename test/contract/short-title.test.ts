import { describe, expect, it } from 'vitest';
import { planShortTitle } from '../../contract/short-title.ts';

describe('planShortTitle', () => {
  it.each([
    [
      '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
      '武汉市',
      '武汉十四五分工',
    ],
    ['2024年《政府工作報告》重點工作任務分工方案', '示例市', '示例2024政府工作報告分工'],
    ['示例县2022年政府工作报告主要工作责任分解', '示例县', '示例2022政府工作报告分解'],
    ['示例区“十四五”规划纲要主要目标任务分工表', '示例区', '示例十四五分工'],
    ['示例市2023年市政府重点工作督办台账', '示例市', '示例2023市政府台账'],
    ['（此件公开发布）示例市2024年数字政府建设工作要点', '示例市', '示例2024数字政府建设要点'],
    ['示例市2023年优化营商环境重点任务清单', '示例市', '示例2023优化营商环境清单'],
  ])('%s → %s', (title, jurisdiction, expected) => {
    expect(planShortTitle({ title, jurisdiction })).toBe(expected);
  });

  it('keeps a one-character place whole and never returns an empty name', () => {
    expect(planShortTitle({ title: '任务分工方案', jurisdiction: '沙市' })).toBe('沙市分工');
    expect(planShortTitle({ title: '分工', jurisdiction: null })).toBe('分工');
  });

  it('drops a subject too long for a file name but keeps place, period and genre', () => {
    const title = '示例市“十四五”生态环境保护和应对气候变化及生物多样性规划重点任务分工方案';
    expect(planShortTitle({ title, jurisdiction: '示例市' })).toBe('示例十四五分工');
  });
});
