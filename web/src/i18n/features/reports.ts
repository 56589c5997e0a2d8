// The words of the progress report's dialog (进展通报), in Chinese and English. What the report
// itself prints is contract/report-words.ts, shared with the server's Word and Excel files.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';

export const zh = {
  reportButton: '进展通报',
  reportButtonHint: '按时间段生成进展情况通报(Word、Excel、PDF),附当前作战图',
  reportTitle: '生成进展通报',
  reportFrom: '起始日期',
  reportTo: '截止日期',
  reportRangeHint: '统计期内报送的进展与状态变化;事项状态与逾期按服务器当日({today})计算。',
  reportDocx: '下载 Word',
  reportXlsx: '下载 Excel',
  reportPdf: '下载 PDF',
  reportWithMap: '附当前作战图',
  reportMaking: '正在生成…',
  reportMade: '已下载 {file}',
  reportFailed: '生成失败:{problem}',
  reportBadRange: '起始日期不能晚于截止日期。',
  reportClose: '关闭',
  reportOffline: '无法连接服务器。',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  reportButton: 'Progress report',
  reportButtonHint: 'A progress report for a date range (Word, Excel, PDF) with the war map',
  reportTitle: 'Progress report',
  reportFrom: 'From',
  reportTo: 'To',
  reportRangeHint:
    'Updates and status changes reported in the range; statuses and overdue as of the server’s day ({today}).',
  reportDocx: 'Download Word',
  reportXlsx: 'Download Excel',
  reportPdf: 'Download PDF',
  reportWithMap: 'Include the war map',
  reportMaking: 'Preparing…',
  reportMade: 'Downloaded {file}',
  reportFailed: 'The report failed: {problem}',
  reportBadRange: 'The start is after the end.',
  reportClose: 'Close',
  reportOffline: 'The server cannot be reached.',
};

export type ReportWord = keyof typeof zh;

const WORDS: Record<Lang, Record<ReportWord, string>> = { zh, en };

/** A word of this feature, `{name}`s filled in. */
export const reportWord = featureWords<ReportWord>(WORDS);

/** Why a report failed, in the planner's words: the server's message carries both languages. */
export function reportProblem(lang: Lang, error: unknown): string {
  const problem =
    error instanceof TypeError
      ? reportWord(lang, 'reportOffline')
      : error instanceof Error
        ? error.message
        : String(error);
  return reportWord(lang, 'reportFailed', { problem });
}
