/**
 * Node bench of the export writers and the spreadsheet reader:
 * `node --expose-gc --import tsx web/export/export.bench.ts --size 100000`.
 * Prints one JSON line per figure: {"metric","size","value","unit"}; `_ms` figures are CPU time,
 * `_wall_ms` the elapsed time of the same step; rows/s are per CPU second.
 */
import { readSpreadsheet } from '../import/spreadsheet/read-spreadsheet';
import { buildOds } from '../import/spreadsheet/test-packages';
import type { Row } from '../engine/rows';
import { builtinFields, type FieldDef } from '../schema/fields';
import { exportTable } from './export-table';
import { writeCsv } from './write-csv';
import { writeVCards } from './write-vcard';
import { writeXlsx } from './write-xlsx';
import { listHtml } from './write-html';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function report(metric: string, size: number, value: number, unit: string): void {
  console.log(JSON.stringify({ metric, size, value: Math.round(value * 100) / 100, unit }));
  if (metric.endsWith('_ms')) console.log(JSON.stringify({ metric: metric.replace(/_ms$/, '_wall_ms'), size, value: Math.round(lastWallMs), unit: 'ms' }));
}

/** CPU time (user + system) of the process: on a shared, loaded machine wall time mostly measures the queue. */
let lastWallMs = 0;

function timed<T>(run: () => T): [T, number] {
  global.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  lastWallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [result, (used.user + used.system) / 1000];
}

async function timedAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  global.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  lastWallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [result, (used.user + used.system) / 1000];
}

const FIRST = ['Ion', 'Ana', 'María José', 'Анна', 'Дмитрий', 'Ștefan', 'Jürgen', 'Zoë'];
const LAST = ['Popescu', 'Иванова', 'Díaz-Ölçer', 'Müller', 'Țurcanu', "O'Neil", 'Смирнов', 'García'];
const CITIES = ['Brașov', 'Москва', 'Madrid', 'Köln', 'Chișinău', 'Санкт-Петербург'];

/** Seeded rows like a real people list: diacritics, Cyrillic, two phones, notes with line breaks. */
function benchRows(size: number): Row[] {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: size }, (_unused, index) => ({
    id: `r${index}`,
    section: 'people' as const,
    shard: 'b',
    created: 0,
    updated: 1_700_000_000_000,
    by: 'u',
    seq: index,
    v: {
      firstName: pick(FIRST),
      lastName: pick(LAST),
      position: random() < 0.5 ? 'Manager, sales' : null,
      phones: [
        { kind: 'mobile', value: `+40 7${Math.floor(random() * 1e8).toString().padStart(8, '0')}` },
        ...(random() < 0.4 ? [{ kind: 'work', value: `0${Math.floor(random() * 1e9)}` }] : []),
      ],
      emails: [{ kind: 'work', value: `person${index}@example.com` }],
      city: pick(CITIES),
      birthday: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      notes: random() < 0.3 ? `Called on Monday, "said yes";\nnext: send the offer №${index}` : null,
      c_score: Math.round(random() * 1e6) / 100,
    },
  }));
}

const size = argument('size', 100_000);
const fields: FieldDef[] = [
  ...builtinFields('people').filter((field) => ['firstName', 'lastName', 'position', 'phones', 'emails', 'city', 'birthday', 'notes'].includes(field.id)),
  { id: 'c_score', section: 'people', type: 'number', label: 'Score', builtin: false, hidden: false, order: 99 },
];
const context = { refName: () => '', userName: () => '' };
const rows = benchRows(size);

const [table, tableMs] = timed(() => exportTable(rows, fields, context));
report('export_table_ms', size, tableMs, 'ms');
const [csv, csvMs] = timed(() => writeCsv(table, { delimiter: ';' }));
report('csv_write_ms', size, csvMs, 'ms');
report('csv_write_rows_per_s', size, size / (csvMs / 1000), 'rows/s');
report('csv_bytes', size, csv.length / 2 ** 20, 'MB');
const [xlsx, xlsxMs] = timed(() => writeXlsx(table, 'People'));
report('xlsx_write_ms', size, xlsxMs, 'ms');
report('xlsx_write_rows_per_s', size, size / (xlsxMs / 1000), 'rows/s');
report('xlsx_bytes', size, xlsx.length / 2 ** 20, 'MB');
const [sheets, readMs] = await timedAsync(() => readSpreadsheet(xlsx, 'xlsx'));
if (sheets[0].rows.length !== size + 1) throw new Error(`read back ${sheets[0].rows.length - 1} rows, wrote ${size}`);
report('xlsx_read_ms', size, readMs, 'ms');
report('xlsx_read_rows_per_s', size, size / (readMs / 1000), 'rows/s');
report('heap_after_xlsx_read_mb', size, process.memoryUsage().heapUsed / 2 ** 20, 'MB');
const odsBody =
  '<table:table table:name="People">' +
  sheets[0].rows
    .map((row) => `<table:table-row>${row.map((cell) => (cell === null ? '<table:table-cell/>' : typeof cell === 'number' ? `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${String(typeof cell === 'object' ? cell.date : cell).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text:p></table:table-cell>`)).join('')}</table:table-row>`)
    .join('') +
  '</table:table>';
const ods = buildOds(odsBody);
const [odsSheets, odsMs] = await timedAsync(() => readSpreadsheet(ods, 'ods'));
if (odsSheets[0].rows.length !== size + 1) throw new Error(`ODS read back ${odsSheets[0].rows.length - 1} rows`);
report('ods_read_ms', size, odsMs, 'ms');
report('ods_read_rows_per_s', size, size / (odsMs / 1000), 'rows/s');
const [vcf, vcfMs] = timed(() => writeVCards(rows, { ...context, version: '4.0' }));
report('vcard_write_ms', size, vcfMs, 'ms');
report('vcard_bytes', size, vcf.length / 2 ** 20, 'MB');
const [html, htmlMs] = timed(() => listHtml(table, { title: 'People', currency: 'EUR' }));
report('html_write_ms', size, htmlMs, 'ms');
report('html_bytes', size, html.length / 2 ** 20, 'MB');
