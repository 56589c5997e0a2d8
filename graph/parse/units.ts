// Checks on the units of a whole plan, once every item is read: which names stand for several
// units, names that lost their separator, and units that a requirement's text puts in charge.
import type { Item, UnitMention } from '../model/plan.ts';
import type { IssueLog } from './issues.ts';
import { fold, unitKey } from './normalise.ts';

/** A role kept on an edge the text implies but no list prints (四(三): "市发改委要会同…"). */
export const NAMED_IN_TEXT_ROLE = '正文点名';

/** Names longer than this are not names (and are reported as such): no search looks for them. */
const MAX_NAME_SCAN = 40;
/** Where one unit's name ends and another's begins: "…局市…", "…委各区…". */
const JOINED = /[局委办会部院社心队联协厅处所站室组府班](?=市|各区|各县|各乡镇|相关区|团市委)/g;
/** How a unit's name ends: bureaus, committees, offices, companies, banks, centres, schools… */
const UNIT_ENDING = /[局委办会部院社心队联协厅处所站室组府班司行校馆团台厂]$/;
/**
 * Shorter than this, the rest of a name after a unit of the document is a suffix of that unit
 * (东湖高新区 + 管委会), not a unit of its own.
 */
const MIN_REST = 4;
/**
 * A short body after a unit's name, with no place of its own, is that unit's part, not a unit run
 * into it: 市公安局 + 交警支队, 市生态环境局 + 新洲分局.
 */
const SUB_UNIT = /^(?!市|区|县|省|州|各|相关|有关|国家|中国|团)[\u4e00-\u9fff]{2,5}$/;

/**
 * How a unit's name may end when nothing else says it is one: the endings above, the places
 * that stand for their government (示例高新区, 样例县), 部门/单位 of collectives, 公司/集团 …
 */
const NAME_ENDING =
  /(?:[局委办会部院社心队联协厅处所站室组府班司行校馆团台厂门位区县镇乡关署园场网]|街道|机构|银行|电信|移动|联通|铁塔)$/;
/** Words of running text, never of a unit's name. */
const PROSE_WORD = /要|确保|年底|以前|之前|以上|以下|左右/;
/** A unit's name never starts with a verb; a clause of a task does ("加快建设示例高新区"). */
const PROSE_START =
  /^(?:推进|推动|实施|加强|提升|落实|加快|完成|开展|建立|健全|深化|全面|积极|持续|打造|建设|新建|创建)/;
const NAME_ETC = /等(?:\d*个)?(?:有关|相关)?(?:部门|单位)?$/;
const SENTENCE_MARK = /[。:;!?“”《》]/;

/**
 * Does a folded piece of text read as one unit's name — short, no sentence marks, no words of
 * running text, ending like a unit? Used where no role label vouches for the list (a bare line of
 * names, "由X负责,Y配合"), so a sentence is never taken for units. A trailing 〈…〉 or (…) and
 * "等部门" are allowed.
 */
export function looksLikeUnitName(folded: string): boolean {
  let name = folded.trim();
  for (;;) {
    const last = name.at(-1);
    const open = last === '〉' ? name.lastIndexOf('〈') : last === ')' ? name.lastIndexOf('(') : -1;
    if (open <= 0) break;
    name = name.slice(0, open).trim();
  }
  const etc = NAME_ETC.exec(name);
  if (etc && etc.index >= 2) name = name.slice(0, etc.index);
  if (name.length < 2 || name.length > 30) return false;
  if (SENTENCE_MARK.test(name) || /\s|\d/.test(name)) return false;
  if (PROSE_WORD.test(name) || PROSE_START.test(name)) return false;
  return NAME_ENDING.test(name) || isCollective(name);
}

/** 各区人民政府, 相关区人民政府, 市政府各有关部门, …成员单位: one name for several units. */
export function isCollective(key: string): boolean {
  return (
    /^(各|相关|有关)/.test(key) ||
    /成员单位$/.test(key) ||
    /各有关|各相关|有关部门|相关部门|各部门|各单位|各级/.test(key)
  );
}

/** A requirement with no list that puts a known unit in charge in its text. */
export function namedInText(items: Item[], units: readonly UnitMention[], log: IssueLog): void {
  const names = new Map<string, UnitMention>();
  let longest = 0;
  for (const u of units) {
    if (u.collective || u.name.length > MAX_NAME_SCAN) continue;
    const f = fold(u.name);
    names.set(f, u);
    longest = Math.max(longest, f.length);
  }
  if (names.size === 0) return;
  const verb = /要|负责|牵头|会同/g;
  for (const item of items) {
    if (item.kind !== 'requirement' || item.units.length > 0) continue;
    const folded = fold(item.text);
    const found = new Set<string>();
    verb.lastIndex = 0;
    for (let m = verb.exec(folded); m; m = verb.exec(folded)) {
      for (let len = Math.min(longest, m.index); len >= 2; len--) {
        const unit = names.get(folded.slice(m.index - len, m.index));
        if (!unit || found.has(unit.key)) continue;
        found.add(unit.key);
        const name = item.text.slice(m.index - len, m.index);
        item.units.push({
          name,
          key: unitKey(name),
          role: NAMED_IN_TEXT_ROLE,
          edge: 'LEADS',
          inferred: true,
        });
        log.add(
          'unit-named-in-text',
          `${item.ref} has no unit list, but its text puts ${name} in charge: recorded as owner`,
          item.line,
        );
        break;
      }
    }
  }
}

/**
 * A name that lost its separator: two names of this document run together, a unit's ending
 * (…局, …委, …办) followed by the start of another (市…, 各区…), or a name of this document
 * joined to a name printed once (…有限公司).
 */
export function mergedNames(units: readonly UnitMention[], log: IssueLog): void {
  const keys = new Set(units.map((u) => u.key));
  for (const u of units) {
    const key = u.key;
    if (key.length < 6 || key.length > MAX_NAME_SCAN) continue;
    let cut = -1;
    for (let at = 3; at <= key.length - 3 && cut === -1; at++) {
      if (keys.has(key.slice(0, at)) && keys.has(key.slice(at))) cut = at;
    }
    if (cut === -1) {
      JOINED.lastIndex = 0;
      for (let m = JOINED.exec(key); m && cut === -1; m = JOINED.exec(key)) {
        const at = m.index + 1;
        if (at >= 3 && key.length - at >= 3) cut = at;
        JOINED.lastIndex = m.index + 1;
      }
    }
    // One name of the document and, before or after it, something that ends like a unit name
    // (市城建局 + 武汉旅游体育有限公司, printed once): a separator went missing.
    for (let at = 3; at <= key.length - MIN_REST && cut === -1; at++) {
      const rest = key.slice(at);
      if (keys.has(key.slice(0, at)) && UNIT_ENDING.test(rest) && !SUB_UNIT.test(rest)) cut = at;
    }
    for (let at = MIN_REST; at <= key.length - 3 && cut === -1; at++) {
      if (keys.has(key.slice(at)) && UNIT_ENDING.test(key.slice(0, at))) cut = at;
    }
    if (cut !== -1) {
      log.add(
        'merged-unit-names',
        `"${u.name}" reads as two units run together (${key.slice(0, cut)} + ${key.slice(cut)}): ` +
          'a separator (、 or ,) was expected between them',
        u.line,
      );
    }
  }
}
