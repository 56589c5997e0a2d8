// Placeholder until this format's reader lands: reports the format as not yet readable.
import type { Reader } from './blocks.ts';
import { readIssue } from './issues.ts';

export const readHtml: Reader = async () =>
  Promise.resolve({
    format: 'html',
    blocks: [],
    issues: [
      readIssue('unsupported-format', { en: 'html reader not built yet', zh: 'html 暂不支持' }),
    ],
  });
