// An indicator's target, as far as its title states one. "达到X" is read as ">=": an indicator
// that "reaches" a level is met at that level or above it (达到17.4亿斤 → >= 17.4 亿斤).
import type { Comparator, Target } from '../model/plan.ts';
import { pairBrackets } from './text-scan.ts';

const PROVINCIAL = /完成(省|上级|国家|市)?(下达|下发)?(的)?(目标|任务)/;
const IN_STEP = /(与|和|同)[^,。;]{1,12}?(保持)?同步/;
const NUMBER = /\d+(?:\.\d+)?/g;

/** Words just before the number, longest first. */
const BEFORE: Array<[string, Comparator]> = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['控制在', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['突破', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['达到', '>='],
  ['提高到', '>='],
  ['提高至', '>='],
  ['增加到', '>='],
  ['降至', '<='],
  ['降到', '<='],
  ['降低到', '<='],
  ['保持在', '='],
];
/** Words just after the measure. */
const AFTER: Array<[string, Comparator]> = [
  ['左右', '~'],
  ['以上', '>='],
  ['及以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
];
const MEASURE = /^[%‰a-zA-Z\u3400-\u9fff/·²³]*/;

/**
 * Reads a target from a folded title and slices its text from the printed one. The number is
 * the last one outside brackets ("细颗粒物(PM2.5)…降至30…以下" → 30).
 */
export function readTarget(folded: string, printed: string): Target | undefined {
  const provincial = PROVINCIAL.exec(folded);
  if (provincial) {
    return {
      comparator: 'provincial-target',
      value: null,
      measure: null,
      text: printed.slice(provincial.index, provincial.index + provincial[0].length),
    };
  }
  const inStep = IN_STEP.exec(folded);
  if (inStep) {
    return {
      comparator: 'in-step',
      value: null,
      measure: null,
      text: printed.slice(inStep.index, inStep.index + inStep[0].length),
    };
  }
  const partner = pairBrackets(folded);
  const depthAt = new Uint8Array(folded.length);
  for (let i = 0; i < folded.length; i++) {
    const p = partner[i] ?? -1;
    if (p > i) {
      depthAt.fill(1, i, p + 1);
      i = p;
    }
  }
  let last: RegExpExecArray | null = null;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(folded); m; m = NUMBER.exec(folded)) {
    if (depthAt[m.index] === 0) last = m;
  }
  if (!last) return undefined;
  const value = Number(last[0]);
  const afterNumber = last.index + last[0].length;
  let measure = MEASURE.exec(folded.slice(afterNumber))?.[0] ?? '';
  let comparator: Comparator | null = null;
  let end = afterNumber + measure.length;
  for (const [word, c] of AFTER) {
    const at = measure.lastIndexOf(word);
    if (at !== -1 && at + word.length === measure.length) {
      measure = measure.slice(0, at);
      comparator = c;
      break;
    }
  }
  // A measure runs only as far as the words that can follow a number ("亿元左右" → 亿元).
  for (const [word, c] of AFTER) {
    const at = measure.indexOf(word);
    if (at !== -1) {
      measure = measure.slice(0, at);
      end = afterNumber + at + word.length;
      comparator ??= c;
    }
  }
  let start = last.index;
  const before = folded.slice(Math.max(0, last.index - 4), last.index);
  for (const [word, c] of BEFORE) {
    if (before.endsWith(word)) {
      comparator ??= c;
      start = last.index - word.length;
      break;
    }
  }
  return {
    comparator: comparator ?? '=',
    value,
    measure: measure.length > 0 ? printed.slice(afterNumber, afterNumber + measure.length) : null,
    text: printed.slice(start, end),
  };
}
