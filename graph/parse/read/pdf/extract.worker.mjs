// PDF.js in a worker thread: the bytes of a PDF in, per page its text items and the drawing
// operations that can be table rules, out. Nothing here interprets the page: that is done in
// TypeScript by the reader (../pdf.ts), which validates what this posts.
//
// Why a thread of its own: PDF.js in Node runs its own "worker" in-process, so a file that keeps
// its parser busy would hold the server's event loop with it. Here the reader can terminate the
// thread at its deadline, and caps its heap, whatever the file does. The thread stays up between
// files (loading PDF.js costs more than reading a short notice) and reads one file at a time.
//
// Plain JavaScript so that Node loads it as is, under tsx, vitest or node alike.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const { OPS, getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');

// PDF.js says on the console what damage it recovered from ("Indexing all PDF objects" when the
// cross-reference table is broken). Kept for the reader, which reports it once, not printed.
let warnings = [];
const keep = (...args) => {
  if (warnings.length < 50) warnings.push(args.map(String).join(' '));
};
console.log = keep;
console.warn = keep;
console.error = keep;

// The CMaps (UniGB-UCS2-H, GBK-EUC-H … for Chinese fonts a PDF does not embed) and the standard
// fonts come from the package's own folders, read from disk: never fetched.
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const folder = (name) => path.join(pdfjsRoot, name) + path.sep;

/** Operators kept for the reader: the ones that place or draw rules, and images. */
const KEPT = new Set([
  OPS.save,
  OPS.restore,
  OPS.transform,
  OPS.setLineWidth,
  OPS.constructPath,
  OPS.paintFormXObjectBegin,
  OPS.paintFormXObjectEnd,
]);
const IMAGES = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

/** How a path is painted; a path only clipped or ended is no rule and is left out. */
const PAINT = new Map([
  [OPS.stroke, 'stroke'],
  [OPS.closeStroke, 'stroke'],
  [OPS.fill, 'fill'],
  [OPS.eoFill, 'fill'],
  [OPS.fillStroke, 'both'],
  [OPS.eoFillStroke, 'both'],
  [OPS.closeFillStroke, 'both'],
  [OPS.closeEOFillStroke, 'both'],
]);

/** Damaged files give NaN and Infinity for positions: those become 0, finite for the reader. */
const finite = (value) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};
const numbers = (values) => (values ? Array.from(values, finite) : null);
const allFinite = (values) => Array.from(values ?? [], Number).every(Number.isFinite);

/** The page's drawing as small records: ['save'] ['restore'] ['transform', m] ['width', w] ['path', paint, data] */
function graphics(list) {
  const out = [];
  let images = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (IMAGES.has(fn)) images++;
    if (!KEPT.has(fn)) continue;
    if (fn === OPS.save) out.push(['save']);
    else if (fn === OPS.restore) out.push(['restore']);
    else if (fn === OPS.transform) out.push(['transform', numbers(args)]);
    else if (fn === OPS.setLineWidth) out.push(['width', finite(args?.[0] ?? 1)]);
    else if (fn === OPS.paintFormXObjectBegin) {
      out.push(['save']);
      if (args?.[0]) out.push(['transform', numbers(args[0])]);
    } else if (fn === OPS.paintFormXObjectEnd) out.push(['restore']);
    else if (fn === OPS.constructPath) {
      const paint = PAINT.get(args?.[0]);
      const data = numbers(args?.[1]?.[0]);
      if (paint && data) out.push(['path', paint, data]);
    }
  }
  return { ops: out, images };
}

async function readPage(page, n, lookForImages) {
  // Page space as it is shown: y down from the top left, the page's /Rotate applied.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    if (item.transform?.length !== 6 || !allFinite(item.transform)) {
      keep('Warning: text placed at an unreadable position was left out');
      continue;
    }
    items.push({
      str: String(item.str),
      transform: numbers(item.transform),
      width: finite(item.width),
      height: finite(item.height),
      font: String(item.fontName),
    });
  }
  // A page without text needs its drawing only to say whether it is a picture (a scan): the
  // first few such pages answer that, and decoding every image of a scanned book would not.
  const hasText = items.some((i) => i.str.trim() !== '');
  const drawing =
    hasText || lookForImages() ? graphics(await page.getOperatorList()) : { ops: [], images: 0 };
  page.cleanup();
  return {
    number: n,
    size: [finite(viewport.width), finite(viewport.height)],
    viewport: numbers(viewport.transform),
    items,
    ops: hasText ? drawing.ops : [],
    images: drawing.images,
  };
}

async function extract({ id, bytes, maxPages }) {
  warnings = [];
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folder('standard_fonts'),
    verbosity: VerbosityLevel.WARNINGS,
  });
  try {
    const doc = await task.promise;
    const count = doc.numPages;
    if (count > maxPages) return { kind: 'too-many-pages', pages: count };
    // The reader's deadline grows with the pages it now knows of.
    parentPort.postMessage({ id, kind: 'opened', pages: count });
    const pages = [];
    let textless = 0;
    const failed = [];
    for (let n = 1; n <= count; n++) {
      // One broken page is reported and skipped; the others are still read.
      try {
        pages.push(await readPage(await doc.getPage(n), n, () => textless++ < 3));
      } catch (error) {
        failed.push({ page: n, message: String(error?.message ?? error) });
      }
    }
    return { kind: 'pages', pages, failed, warnings };
  } finally {
    // Frees the document's objects: the thread lives on to read the next file.
    await task.destroy().catch(() => {});
  }
}

parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage({ id: job.id, ...(await extract(job)) });
  } catch (error) {
    parentPort.postMessage({
      id: job.id,
      kind: 'failed',
      name: String(error?.name ?? 'Error'),
      message: String(error?.message ?? error),
    });
  }
});
