// Types for word-extractor (Word 97–2003 .doc text), which ships none: only what doc.ts uses.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  export interface WordDocumentText {
    /** The main text; cell marks as "\t", paragraph and row marks as "\n". */
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  /** The extractor of OLE2 Word files, overridable per step. */
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<WordDocumentText>;
    /** Called with the OLE2 document and the WordDocument stream (the FIB first). */
    extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentText>;
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  /** Serves the extractor's reads from a Buffer in memory. */
  export default class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}
