// Where the units are in a line of the review: the line split into plain text and the unit names
// printed in it, so the review can mark each. Pure, tested without a browser.

export interface Segment {
  text: string;
  /** The unit's key when this stretch of text is a unit's name. */
  unit?: string;
}

/**
 * A function that splits a line into plain text and the unit names printed in it, longest name
 * first where two start at the same place (市自然资源和规划局 before 市自然资源局). `names` maps a
 * printed name to its unit's key. Made once per review: it indexes the names by first character,
 * so a long document is marked in time proportional to its length.
 */
export function unitMarker(names: ReadonlyMap<string, string>): (text: string) => Segment[] {
  const byFirst = new Map<string, string[]>();
  for (const name of names.keys()) {
    const first = name[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(name);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (text) => {
    const segments: Segment[] = [];
    let plain = '';
    for (let i = 0; i < text.length;) {
      const name = byFirst.get(text[i] ?? '')?.find((candidate) => text.startsWith(candidate, i));
      if (name === undefined) {
        plain += text[i];
        i += 1;
        continue;
      }
      if (plain !== '') segments.push({ text: plain });
      plain = '';
      segments.push({ text: name, unit: names.get(name) ?? name });
      i += name.length;
    }
    if (plain !== '') segments.push({ text: plain });
    return segments;
  };
}
