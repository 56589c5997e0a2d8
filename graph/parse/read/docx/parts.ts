// Where a Word package keeps its parts. The main document is the target of the package's
// officeDocument relationship — word/document.xml when Word writes it, but other producers
// (WPS, converters, Strict OOXML) may name it otherwise; numbering and styles are found the
// same way from the main document's own relationships.
import { parseXml, plainAttr } from './xml.ts';

export interface Relationship {
  type: string;
  target: string;
}

/** The relationships part of `part`: word/document.xml → word/_rels/document.xml.rels. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readRelationships(bytes: Uint8Array | undefined): Relationship[] {
  if (!bytes) return [];
  const xml = parseXml(bytes);
  if (!xml.ok) return [];
  const out: Relationship[] = [];
  for (const el of xml.root.children) {
    if (el.local !== 'Relationship') continue;
    const type = plainAttr(el, 'Type');
    const target = plainAttr(el, 'Target');
    const external = plainAttr(el, 'TargetMode') === 'External';
    if (type && target && !external) out.push({ type, target });
  }
  return out;
}

/** A relationship's target as a name in the zip: relative to the source part's folder. */
export function resolveTarget(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(decodeURIComponentSafe(segment));
  }
  return base.join('/');
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The target of the first relationship whose type ends with `/kind` (officeDocument, styles …). */
export function targetOf(
  from: string,
  relationships: readonly Relationship[],
  kind: string,
): string | null {
  const found = relationships.find((r) => r.type.endsWith(`/${kind}`));
  return found ? resolveTarget(from, found.target) : null;
}
