// Collective units whose own name holds a "、": "各区、县(市)政府(管委会)", "各县、市、区人民政府".
// A list splits at every top-level "、", so these come apart as "各区" + "县(市)政府(管委会)"; the
// pieces are recognised by shape (各 + an administrative level, then bare levels, then a level
// with its government) and joined back. Matched on folded, trimmed pieces.

const LEVEL = '(?:县|区|市|乡|镇|乡镇|街道|县区|区县|县市|市县|市区|开发区|功能区|园区)';
/** A level may carry its own bracket: 县(市), 县(市、区). */
const LEVELED = `${LEVEL}(?:\\([^()]*\\))?`;

/** "各区", "各县(市)": the start of a collective that the next pieces complete. */
const HEAD = new RegExp(`^各${LEVELED}$`);
/** "市", "区", "县(市)": a level and nothing else. */
const MIDDLE = new RegExp(`^${LEVELED}$`);
/** "县(市)政府(管委会)", "区人民政府〈含…〉": a level with its government: the collective's end. */
const TAIL = new RegExp(`^${LEVELED}(?:人民)?(?:政府|管委会|办事处)`);

export type CollectivePiece = 'head' | 'middle' | 'tail' | null;

/** Where a piece between two "、" can stand in a collective name that holds "、". */
export function collectivePiece(folded: string): CollectivePiece {
  if (folded.length === 0 || folded.length > 40) return null;
  if (HEAD.test(folded)) return 'head';
  if (MIDDLE.test(folded)) return 'middle';
  if (TAIL.test(folded)) return 'tail';
  return null;
}
