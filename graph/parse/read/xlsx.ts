// Placeholder until this format's reader lands: reports the format as not yet readable.
import type { Reader } from './blocks.ts';
import { readIssue } from './issues.ts';

export const readXlsx: Reader = async () =>
  Promise.resolve({
    format: 'xlsx',
    blocks: [],
    issues: [
      readIssue('unsupported-format', { en: 'xlsx reader not built yet', zh: 'xlsx 暂不支持' }),
    ],
  });
