/** Builders of small XLSX and ODS packages for tests, written by hand part by part. */
import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a hand-made XLSX: sheet XML bodies (inside <sheetData>), shared strings, styles. */
export interface XlsxParts {
  sheets: { name: string; sheetData: string }[];
  sharedStrings?: string[];
  /** Raw <si> items, for rich text and phonetic runs. */
  sharedItems?: string;
  /** Custom number formats by id and the numFmtId of each cellXfs entry. */
  numFmts?: Record<number, string>;
  cellXfs?: number[];
  date1904?: boolean;
  /** Parts to leave out, to test missing-part errors. */
  omit?: string[];
}

/** Zips a hand-made XLSX workbook. */
export function buildXlsx(parts: XlsxParts): Uint8Array {
  const files: Record<string, string> = {};
  files['[Content_Types].xml'] = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  files['_rels/.rels'] = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['xl/workbook.xml'] =
    `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    (parts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    `<sheets>${parts.sheets.map((sheet, index) => `<sheet name="${sheet.name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    parts.sheets.map((_sheet, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('') +
    `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`;
  parts.sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.sheetData}</sheetData></worksheet>`;
  });
  const items = parts.sharedItems ?? (parts.sharedStrings ?? []).map((text) => `<si><t>${text}</t></si>`).join('');
  files['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst xmlns="${MAIN}">${items}</sst>`;
  const numFmts = Object.entries(parts.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`)
    .join('');
  files['xl/styles.xml'] =
    `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts>` +
    '<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>' +
    `<cellXfs>${(parts.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('')}</cellXfs></styleSheet>`;
  for (const name of parts.omit ?? []) delete files[name];
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** Zips a hand-made ODS spreadsheet around the body of <office:spreadsheet>. */
export function buildOds(spreadsheetBody: string, extra: Record<string, string> = {}): Uint8Array {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    `<office:body><office:spreadsheet>${spreadsheetBody}</office:spreadsheet></office:body></office:document-content>`;
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}
