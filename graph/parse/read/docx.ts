// Placeholder until this format's reader lands: reports the format as not yet readable.
import type { Reader } from './blocks.ts';
import { readIssue } from './issues.ts';

export const readDocx: Reader = async () =>
  Promise.resolve({
    format: 'docx',
    blocks: [],
    issues: [
      readIssue('unsupported-format', { en: 'docx reader not built yet', zh: 'docx 暂不支持' }),
    ],
  });
