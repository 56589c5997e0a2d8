// Placeholder until this format's reader lands: reports the format as not yet readable.
import type { Reader } from './blocks.ts';
import { readIssue } from './issues.ts';

export const readDoc: Reader = async () =>
  Promise.resolve({
    format: 'doc',
    blocks: [],
    issues: [
      readIssue('unsupported-format', { en: 'doc reader not built yet', zh: 'doc 暂不支持' }),
    ],
  });
