// XML of an untrusted Word file, parsed safely into a small element tree, and the few
// WordprocessingML accessors the body and numbering readers share.
//
// saxes (strict, fast, well kept; it comes with exceljs) parses; a DOM library was
// tried first and took eight times as long on a 2,000-row table. Office XML never carries a
// DOCTYPE: one that does is refused before parsing, so no entity can expand (billion laughs)
// and nothing external is named; saxes itself knows only the five predefined entities.
import { SaxesParser } from 'saxes';

/** WordprocessingML as Word writes it (Transitional), and the ISO Strict namespace. */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface XmlAttribute {
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data, kept only for text-bearing elements (w:t, m:t): all the readers print. */
  text: string;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

/** The text of an XML part: UTF-8 mostly; UTF-16 when it starts with a byte-order mark. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Elements whose character data is printed; whitespace between the others is markup. */
const TEXT_BEARING = new Set(['t']);

export function parseXml(bytes: Uint8Array): XmlResult {
  const text = xmlText(bytes);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return { ok: false, reason: 'XML declares a DOCTYPE or entities, which Office never writes' };
  }
  // Prefixes are resolved here rather than by saxes' xmlns mode, which doubles the parse time;
  // a scope is made only where an element declares namespaces (the root, mostly).
  const parser = new SaxesParser({ position: false });
  const root: XmlElement = { local: '', uri: '', attributes: [], children: [], text: '' };
  const open: XmlElement[] = [root];
  const scopes: Array<Record<string, string>> = [{ xml: 'http://www.w3.org/XML/1998/namespace' }];
  parser.on('opentag', (tag) => {
    let scope = scopes.at(-1) as Record<string, string>;
    const names = Object.keys(tag.attributes);
    for (const name of names) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === scopes.at(-1)) scope = Object.create(scope) as Record<string, string>;
        scope[name === 'xmlns' ? '' : name.slice(6)] = tag.attributes[name] as string;
      }
    }
    scopes.push(scope);
    const attributes: XmlAttribute[] = [];
    for (const name of names) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const colon = name.indexOf(':');
      attributes.push({
        local: colon < 0 ? name : name.slice(colon + 1),
        // An attribute without a prefix is in no namespace, whatever the default is.
        uri: colon < 0 ? '' : (scope[name.slice(0, colon)] ?? ''),
        value: tag.attributes[name] as string,
      });
    }
    const colon = tag.name.indexOf(':');
    const el: XmlElement = {
      local: colon < 0 ? tag.name : tag.name.slice(colon + 1),
      uri: scope[colon < 0 ? '' : tag.name.slice(0, colon)] ?? '',
      attributes,
      children: [],
      text: '',
    };
    (open.at(-1) as XmlElement).children.push(el);
    open.push(el);
  });
  parser.on('closetag', () => {
    open.pop();
    scopes.pop();
  });
  const characters = (data: string) => {
    const el = open.at(-1) as XmlElement;
    if (TEXT_BEARING.has(el.local)) el.text += data;
  };
  parser.on('text', characters);
  parser.on('cdata', characters);
  try {
    parser.write(text).close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split('\n')[0]?.slice(0, 200) ?? 'XML error' };
  }
  const top = root.children[0];
  return top ? { ok: true, root: top } : { ok: false, reason: 'XML without a root element' };
}

/** `el` is the WordprocessingML element `name` (w:p, w:tbl …). */
export const isW = (el: XmlElement, name: string): boolean =>
  el.local === name && W_NAMESPACES.has(el.uri);

export const isMc = (el: XmlElement, name: string): boolean =>
  el.local === name && el.uri === MC_NAMESPACE;

/** The first child w:`name` of `parent`. */
export function child(parent: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!parent) return null;
  for (const el of parent.children) if (isW(el, name)) return el;
  return null;
}

export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((el) => isW(el, name));
}

/** A w: attribute (w:val, w:numId …), whichever WordprocessingML namespace the file uses. */
export function wAttr(el: XmlElement | null | undefined, name: string): string | null {
  if (!el) return null;
  for (const a of el.attributes) {
    if (a.local === name && (a.uri === '' || W_NAMESPACES.has(a.uri))) return a.value;
  }
  return null;
}

/** An attribute in no namespace (a relationship's Type and Target). */
export function plainAttr(el: XmlElement, name: string): string | null {
  return el.attributes.find((a) => a.local === name && a.uri === '')?.value ?? null;
}

/** w:val of the child `name`, as an integer; null when absent or not a number. */
export function intVal(parent: XmlElement | null | undefined, name: string): number | null {
  const value = wAttr(child(parent, name), 'val');
  if (value === null || !/^\s*-?\d{1,9}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/**
 * A toggle property (w:vanish, w:isLgl …): present and not switched off by val="0"/"false".
 */
export function isOn(el: XmlElement | null | undefined): boolean {
  if (!el) return false;
  const value = wAttr(el, 'val');
  return value === null || !['0', 'false', 'off'].includes(value.toLowerCase());
}
