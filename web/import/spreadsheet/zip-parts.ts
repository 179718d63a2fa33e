/**
 * Opens the zip package of an XLSX or ODS file and hands out its XML parts as text. Uses fflate
 * (small, maintained, no dependencies) for the zip format and inflation only: SheetJS on npm is
 * stuck at 0.18.5 with published advisories (prototype pollution, ReDoS) fixed only on its own
 * CDN, and ExcelJS reads no ODS and pulls in Node-only streams; the XML parts we need are few
 * and simple enough to read ourselves (read-xlsx.ts, read-ods.ts).
 */
import { unzipSync } from 'fflate';
import { SpreadsheetError } from './spreadsheet-error';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound files: encrypted OOXML/ODF-less workbooks and legacy .xls both start with it. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The entries of a zip package, by path, decompressed lazily by the caller's choice of names. */
export interface ZipParts {
  /** Entry names present in the package. */
  names: string[];
  /** The text of an entry (UTF-8), or null when the package has no such entry. */
  text(name: string): string | null;
  /** The bytes of an entry, or null (for parts too large to decode as one string). */
  bytes(name: string): Uint8Array | null;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Whether the bytes are an OLE compound file holding an encrypted OOXML package. */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  // The stream names are stored as UTF-16LE in the directory: "EncryptionInfo".
  const needle = 'EncryptionInfo';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let index = 0; index + needle.length * 2 <= limit; index++) {
    for (let char = 0; char < needle.length; char++) {
      if (bytes[index + char * 2] !== needle.charCodeAt(char) || bytes[index + char * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Unzips the package; `wanted` picks the entries worth inflating (skips images and thumbnails). */
export function openZip(bytes: Uint8Array, wanted: (name: string) => boolean, formatName: string): ZipParts {
  if (bytes.length === 0) throw new SpreadsheetError('empty', `The ${formatName} file is empty (0 bytes).`);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOoxml(bytes)) {
      throw new SpreadsheetError('encrypted', `The ${formatName} file is password-protected (encrypted); open it in Excel or Calc, remove the password and save it again.`);
    }
    throw new SpreadsheetError('legacy-xls', `The file is an old binary Excel workbook (.xls), not ${formatName}; save it as .xlsx or CSV first.`);
  }
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) throw new SpreadsheetError('missing-part', `The ${formatName} file is an empty zip package with no sheets.`);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new SpreadsheetError('not-zip', `The file is not an ${formatName} file: it does not start with a zip signature.`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpreadsheetError('corrupt-zip', `The ${formatName} file is damaged or cut short (zip: ${reason}).`);
  }
  const decoder = new TextDecoder('utf-8');
  return {
    names: Object.keys(entries),
    text(name) {
      const entry = entries[name];
      return entry ? decoder.decode(entry) : null;
    },
    bytes(name) {
      return entries[name] ?? null;
    },
  };
}
