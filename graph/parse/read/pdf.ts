// Placeholder until this format's reader lands: reports the format as not yet readable.
import type { Reader } from './blocks.ts';
import { readIssue } from './issues.ts';

export const readPdf: Reader = async () =>
  Promise.resolve({
    format: 'pdf',
    blocks: [],
    issues: [
      readIssue('unsupported-format', { en: 'pdf reader not built yet', zh: 'pdf 暂不支持' }),
    ],
  });
