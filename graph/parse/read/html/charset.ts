// A web page's text encoding, from its bytes, the way a browser finds it — byte-order mark, then
// the <meta> declaration near the top — with one thing a browser does not do: a page "as saved"
// is often re-encoded by whatever saved it while its <meta> still names the old charset, so a
// declaration the bytes contradict is overruled by the bytes (and the review says so).

export interface Charset {
  text: string;
  /** The encoding as the page names it (gbk, gb2312, utf-8 …), or as found when it names none. */
  encoding: string;
  /** The decoder used: GBK and GB2312 pages are read as GB18030, their superset. */
  decoder: string;
  /** How the encoding was decided, for the charset issue. */
  how: 'bom' | 'meta' | 'sniffed' | 'overruled';
  /** The charset the <meta> declared, when it did. */
  declared?: string;
}

/** Browsers look for the declaration in the first 1024 bytes; saved pages put long comments first. */
const PRESCAN = 4096;

/** Labels pages use for the Chinese national encodings, all read as GB18030 (a superset). */
const GB = new Set([
  'gbk',
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'x-gbk',
  'cp936',
  'windows-936',
  'ms936',
  'chinese',
  'csgb2312',
  'iso-ir-58',
  'euc-cn',
  'gb18030',
]);
const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
/** The HTML standard reads a <meta> naming UTF-16 as UTF-8: the bytes that named it are ASCII. */
const UTF16 = new Set(['utf-16', 'utf-16le', 'utf-16be', 'unicode']);

/** The charset named by a <meta> in the first bytes (comments ignored), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return undefined;
}

function decodes(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

interface Utf8Check {
  /** Every byte sequence is UTF-8. */
  valid: boolean;
  /** Some sequence is multi-byte: valid UTF-8 that no GBK text of any length would be. */
  multibyte: boolean;
  /** Invalid, but only here and there (a stray byte in a UTF-8 page, not a GBK page). */
  mostly: boolean;
}

function checkUtf8(bytes: Uint8Array): Utf8Check {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { valid: true, multibyte: bytes.some((b) => b >= 0x80), mostly: true };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    let wide = 0;
    let bad = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c >= 0x80) wide++;
    }
    return { valid: false, multibyte: true, mostly: bad <= wide * 0.01 };
  }
}

const decode = (label: string, bytes: Uint8Array) => new TextDecoder(label).decode(bytes);

export function sniffCharset(bytes: Uint8Array): Charset {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes), encoding: 'utf-8', decoder: 'utf-8', how: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: decode('utf-16le', bytes),
      encoding: 'utf-16le',
      decoder: 'utf-16le',
      how: 'bom',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: decode('utf-16be', bytes),
      encoding: 'utf-16be',
      decoder: 'utf-16be',
      how: 'bom',
    };
  }

  const declared = declaredCharset(bytes);
  const utf8 = checkUtf8(bytes);
  const asUtf8 = (how: Charset['how']): Charset => ({
    text: decode('utf-8', bytes),
    encoding: 'utf-8',
    decoder: 'utf-8',
    how,
    ...(declared ? { declared } : {}),
  });
  const asGb = (how: Charset['how'], encoding = 'gb18030'): Charset => ({
    text: decode('gb18030', bytes),
    encoding,
    decoder: 'gb18030',
    how,
    ...(declared ? { declared } : {}),
  });

  if (declared !== undefined) {
    if (UTF8.has(declared) || UTF16.has(declared)) {
      return utf8.mostly ? asUtf8('meta') : asGb('overruled');
    }
    if (GB.has(declared)) {
      const name = declared === 'gb18030' ? 'gb18030' : declared === 'gb2312' ? 'gb2312' : 'gbk';
      return utf8.valid && utf8.multibyte ? asUtf8('overruled') : asGb('meta', name);
    }
    // Big5 (Traditional pages) and the rest, when the bytes do not contradict them. A Western
    // single-byte label on a Chinese page is a template's default, not the truth: sniff instead.
    const western = /^(iso-8859-|windows-125|latin|us-ascii|ascii|cp125)/.test(declared);
    if (decodes(declared) && !western) {
      if (utf8.valid && utf8.multibyte) return asUtf8('overruled');
      return {
        text: decode(declared, bytes),
        encoding: declared,
        decoder: declared,
        how: 'meta',
        declared,
      };
    }
  }
  return utf8.mostly ? asUtf8('sniffed') : asGb('sniffed');
}

/** The charset issue's detail, in both languages. */
export function describeCharset(found: Charset): { en: string; zh: string } {
  const read = found.decoder === found.encoding ? '' : `, read as ${found.decoder.toUpperCase()}`;
  const readZh = found.decoder === found.encoding ? '' : `，按 ${found.decoder.toUpperCase()} 读取`;
  switch (found.how) {
    case 'bom':
      return { en: `${found.encoding} (byte-order mark)`, zh: `${found.encoding}（字节顺序标记）` };
    case 'meta':
      return {
        en: `${found.encoding} (declared in <meta>)${read}`,
        zh: `${found.encoding}（网页 <meta> 声明）${readZh}`,
      };
    case 'overruled':
      return {
        en: `${found.encoding}: the page declares ${found.declared ?? '?'} but its bytes are ${found.encoding}${read}`,
        zh: `${found.encoding}：网页声明为 ${found.declared ?? '?'}，但内容实为 ${found.encoding}${readZh}`,
      };
    case 'sniffed':
      return {
        en: `${found.encoding} (not declared; found from the bytes)`,
        zh: `${found.encoding}（网页未声明，按内容判断）`,
      };
  }
}
