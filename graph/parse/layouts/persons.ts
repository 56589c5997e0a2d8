// Persons where units stand: "牵头领导:副市长赵某某", "(王某某副市长牵头,市交通运输局负责)". A
// notice names leaders by post (市长, 分管副市长, 秘书长 …), often with a name; they are kept on
// the item as its leaders and are never units (DESIGN.md §1: a unit is an organisation).

/** How a post ends. Organisations end in 局/委/办/会/组…, never in these. */
const POST_END =
  /(?:市长|区长|县长|镇长|乡长|州长|省长|书记|秘书长|主任|主席|部长|局长|厅长|处长|组长|委员|同志|领导)$/;
/** A post first, then a name: "副市长赵某某", "常务副市长李某某". */
const POST_THEN_NAME =
  /^(?:(?:常务|分管|主管)?副?(?:市长|区长|县长|省长|书记|秘书长|主任|主席)|(?:市|区|县)委书记)[\u4e00-\u9fff]{2,4}$/;

/** Does a folded name read as a person (by post) rather than a unit? */
export function isPerson(folded: string): boolean {
  if (folded.length < 2 || folded.length > 20) return false;
  if (POST_END.test(folded)) return true;
  // "副市长办公室" is an office, not 副市长 + a name.
  return POST_THEN_NAME.test(folded) && !/[室办局会组处委府]$/.test(folded);
}

/** The leaders named in a printed list ("市长、分管副市长"), one each. */
export function splitLeaders(printed: string): string[] {
  return printed
    .split(/[、,，;；]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
