import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('format detection from content', () => {
  it('an empty file is refused as empty', () => {
    expect(detectFormat(new Uint8Array())).toEqual({ problem: expect.objectContaining({ code: 'empty', severity: 'fatal' }) });
  });
  it('an old binary .xls (OLE2) is refused with advice', () => {
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ problem: expect.objectContaining({ code: 'oldExcel' }) });
  });
  it('zip files: XLSX by its content types, ODS by its mimetype, anything else refused', () => {
    const zip = (name: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes(`....${name}....`)]);
    expect(detectFormat(zip('[Content_Types].xml xl/workbook.xml'))).toEqual({ format: 'xlsx' });
    expect(detectFormat(zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toEqual({ format: 'ods' });
    expect(detectFormat(zip('[Content_Types].xml word/document.xml'))).toEqual({ problem: expect.objectContaining({ code: 'unsupportedZip' }) });
  });
  it('vCards are found after a few stray lines; CSV is the rest', () => {
    expect(detectFormat(bytes('ENCODING:UTF-8\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n'))).toEqual({ format: 'vcard' });
    expect(detectFormat(bytes('Name,Note\nAna,"BEGIN:VCARD"\n'))).toEqual({ format: 'csv' });
  });
  it('binary garbage is refused, naming the first bad byte', () => {
    const garbage = new Uint8Array(200).map((_, index) => (index * 37) % 256);
    expect(detectFormat(garbage)).toEqual({ problem: expect.objectContaining({ code: 'binary', params: { offset: 0 } }) });
  });
});
