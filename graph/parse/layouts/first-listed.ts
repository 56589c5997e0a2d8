// The first-listed rule: a notice that prints no role words says once which of an item's units
// leads — "列第一位者为牵头单位", "列第一位的责任单位为牵头单位或汇总单位", "排在第一位的为牵头单位",
// "排名第一的单位牵头", "牵头单位为排在首位的单位". Where it is said decides where it holds (the
// preamble: everywhere; an item's own brackets: that item, and with "下同" every later one); this
// module only recognises the sentence. Matched on folded text.

/** "列第一位", "排在首位", "排名第一", "居首": the place, however it is worded. */
const FIRST = '(?:列|排|位|居|名)(?:在|于|名|序)?(?:第一|首)(?:位|个|名)?';
/** What leads: 牵头 (单位/部门), 主办, 主责, 汇总. */
const LEAD = '(?:牵头|主办|主责)';

/**
 * The place, then within a few characters ("的责任单位为", "者为", "的单位") the lead word — or the
 * lead word first ("牵头单位为列第一位的单位"). The window stops at a clause end, so two unrelated
 * halves of a long paragraph never make a rule.
 */
const RULE = new RegExp(
  `${FIRST}[^,。;:!?]{0,10}?${LEAD}|${LEAD}(?:单位|部门)?(?:为|是)[^,。;:!?]{0,3}?${FIRST}` +
    `|第一(?:个|家)?(?:责任)?(?:单位|部门)(?:为|是)?${LEAD}`,
);

/** Does the folded text state the first-listed rule? */
export function isRuleNote(folded: string): boolean {
  return RULE.test(folded);
}

/** …and does it carry it on to later items ("下同", "后同")? */
export function carriesOn(folded: string): boolean {
  return /[下后]同/.test(folded);
}
