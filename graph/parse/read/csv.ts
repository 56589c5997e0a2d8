// Placeholder until this format's reader lands: reports the format as not yet readable.
import type { Reader } from './blocks.ts';
import { readIssue } from './issues.ts';

export const readCsv: Reader = async () =>
  Promise.resolve({
    format: 'csv',
    blocks: [],
    issues: [
      readIssue('unsupported-format', { en: 'csv reader not built yet', zh: 'csv 暂不支持' }),
    ],
  });
