// The short name a planner gives a plan in a file name or a slide: 武汉十四五分工, not the notice's
// forty-character title. Used for every file guatu hands out (briefings, exports, task lists), on
// the server and in the browser alike, so the same plan is always named the same way.

/** What the short title is made from: the plan's title and the jurisdiction it belongs to. */
export interface PlanTitle {
  title: string;
  jurisdiction?: string | null;
}

// The genre's closing words, longest first, and the word each is shortened to.
const GENRE: readonly (readonly [RegExp, string])[] = [
  [/督[办辦]台[账賬]$/u, '台账'],
  [/(?:任[务務])?分工(?:方案|表|的意[见見]|安排)?$/u, '分工'],
  [/(?:[责責]任|任[务務])分解(?:方案|表)?$/u, '分解'],
  [/[责責]任清[单單]$|任[务務]清[单單]$|清[单單]$/u, '清单'],
  [/工作要[点點]$/u, '要点'],
  [/[实實]施方案$/u, '实施方案'],
];

// Words every notice of the genre repeats; they say nothing about which plan this is.
const FILLER =
  /国民[经經][济濟]和社[会會][发發]展|[规規][划劃]和\d{4}年[远遠]景目[标標]([纲綱]要)?|[规規][划劃][纲綱]要|[规規][划劃]|主要目[标標]|重[点點]工作|重[点點]任[务務]|主要工作|工作任[务務]|任[务務]|重[点點]|主要|[关關]于落[实實]|[关關]于|[《》“”"「」]/gu;

const PERIOD: readonly (readonly [RegExp, (match: RegExpMatchArray) => string])[] = [
  [/第?十([一二三四五六七八九])个?五年/u, (m) => `十${m[1]}五`],
  [/“?十([一二三四五六七八九])五”?/u, (m) => `十${m[1]}五`],
  [/(\d{4})年/u, (m) => m[1] ?? ''],
];

/** The place without its level (武汉市 → 武汉), kept whole when that would leave one character. */
function place(jurisdiction: string | null | undefined): string {
  const name = (jurisdiction ?? '').trim();
  if (name === '' || name === '未知') return '';
  const bare = name.replace(/(?:人民政府)?$/u, '').replace(/[省市县縣区區]$/u, '');
  return bare.length >= 2 ? bare : name;
}

/**
 * 武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案 → 武汉十四五分工;
 * 示例市2023年市政府重点工作督办台账 → 示例2023市政府台账. The result has at most 16 characters
 * and is never empty.
 */
export function planShortTitle(plan: PlanTitle): string {
  // A publication note before the title (（此件公开发布）) is not part of its name.
  let rest = plan.title.replace(/^[（(][^）)]*[）)]\s*/u, '').trim();
  const where = place(plan.jurisdiction);
  for (const name of [plan.jurisdiction ?? '', where]) {
    if (name !== '' && rest.startsWith(name)) rest = rest.slice(name.length);
  }

  let genre = '';
  for (const [pattern, word] of GENRE) {
    if (pattern.test(rest)) {
      rest = rest.replace(pattern, '');
      genre = word;
      break;
    }
  }

  let period = '';
  for (const [pattern, render] of PERIOD) {
    const match = rest.match(pattern);
    if (match) {
      period = render(match);
      rest = rest.replace(pattern, '');
      break;
    }
  }

  // 工作 is filler except in 政府工作报告, the one report whose name everyone shortens the same way.
  const subject = rest
    .replace(FILLER, '')
    .replace(/工作(?![报報]告)/gu, '')
    .replace(/\s+/gu, '');
  const named = `${where}${period}${subject.length <= 8 ? subject : ''}${genre}`;
  const short = named === '' ? plan.title.replace(/\s+/gu, '') : named;
  return short.slice(0, 16);
}
