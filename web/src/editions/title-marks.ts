// The words that changed between an item's old and new title, for the table to mark: a longest
// common subsequence over characters (Chinese has no spaces to split words on, and a title is a
// sentence or two, so the quadratic table is a few thousand cells). Pure.

export interface TitleSegment {
  text: string;
  /** Left out of the other title (old side) or new in it (new side). */
  changed: boolean;
}

export interface TitleMarks {
  from: TitleSegment[];
  to: TitleSegment[];
}

/** Past this many cells (two very long titles), the titles are marked whole rather than compared. */
const MAX_CELLS = 250_000;

function push(segments: TitleSegment[], text: string, changed: boolean): void {
  const last = segments.at(-1);
  if (last !== undefined && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

export function titleMarks(before: string, after: string): TitleMarks {
  const a = [...before];
  const b = [...after];
  if (before === after) {
    return { from: [{ text: before, changed: false }], to: [{ text: after, changed: false }] };
  }
  if (a.length * b.length > MAX_CELLS) {
    return { from: [{ text: before, changed: true }], to: [{ text: after, changed: true }] };
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const from: TitleSegment[] = [];
  const to: TitleSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && x === y) {
      push(from, x, false);
      push(to, x, false);
      i += 1;
      j += 1;
    } else if (
      y === undefined ||
      (x !== undefined && (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))
    ) {
      push(from, x ?? '', true);
      i += 1;
    } else {
      push(to, y, true);
      j += 1;
    }
  }
  return { from, to };
}
