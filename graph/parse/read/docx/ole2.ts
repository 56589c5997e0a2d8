// What an OLE2 (Compound File) container says about itself before any stream is read. Word
// saves a password-protected .docx/.xlsx not as a zip but as an OLE2 file holding the
// encrypted package: a planner should hear "remove the password", not "corrupt".

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isOle2 = (bytes: Uint8Array): boolean => OLE2.every((b, i) => bytes[i] === b);

/** The directory names a stream in UTF-16LE: looked for within the first MiB. */
export function namesStream(bytes: Uint8Array, name: string): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20));
  return head.includes(Buffer.from(name, 'utf16le'));
}

/** An encrypted Office Open XML file (agile or standard encryption): OLE2 with these streams. */
export const isEncryptedPackage = (bytes: Uint8Array): boolean =>
  isOle2(bytes) && namesStream(bytes, 'EncryptedPackage') && namesStream(bytes, 'EncryptionInfo');
