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
      if (keys.has(key.slice(0, at)) && UNIT_ENDING.test(key.slice(at))) cut = at;
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
