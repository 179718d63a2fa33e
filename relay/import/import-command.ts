/**
 * `npm run relay -- import FILE --into <account> [--duplicates create|skip|merge] [--dry-run] ...`: the command
 * line around importIntoBook. Exit codes: 0 imported (or, with --dry-run, importable), 1 refused (bad file,
 * unknown account, View-only or disabled account, relay running, company not set up; nothing written),
 * 2 wrong arguments.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeSkip, type DuplicatePolicy } from '../../web/import/import-run';
import { describeProblem } from '../../web/import/problems';
import { acquireDataLock, DataLockedError } from '../data-lock';
import { databasePath, openDatabase } from '../store/database';
import { importIntoBook, ImportRefused, type BookImportReport } from './book-import';

/** The usage line of the import command. */
export const IMPORT_USAGE =
  'npm run relay -- import FILE --into <account name or id> [--duplicates create|skip|merge] [--dry-run] [--accept-partial] [--encoding LABEL] [--delimiter CHAR|tab] [--json] [--data DIR]';

const POLICIES: readonly DuplicatePolicy[] = ['create', 'skip', 'merge'];

/** Runs the import command; returns the exit code. */
export async function importCommand(args: string[], defaultData: string, out: (text: string) => void = (text) => process.stdout.write(text), err: (text: string) => void = (text) => process.stderr.write(text)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        into: { type: 'string' },
        duplicates: { type: 'string', default: 'create' },
        'dry-run': { type: 'boolean', default: false },
        'accept-partial': { type: 'boolean', default: false },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        json: { type: 'boolean', default: false },
        data: { type: 'string', default: defaultData },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\nUsage: ${IMPORT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (positionals.length !== 1) problems.push(positionals.length ? `one file at a time, got ${positionals.length}` : 'no file given');
  if (!values.into) problems.push('--into is required: the account whose book receives the records');
  const duplicates = values.duplicates as DuplicatePolicy;
  if (!POLICIES.includes(duplicates)) problems.push(`--duplicates must be create, skip or merge, got "${values.duplicates}"`);
  if (problems.length) {
    err(`${problems.join('; ')}.\nUsage: ${IMPORT_USAGE}\n`);
    return 2;
  }
  const dataDir = resolve(values.data);
  if (!existsSync(databasePath(dataDir))) {
    err(`No relay database in ${dataDir}: give the relay's data folder with --data (or RELAY_DATA).\n`);
    return 1;
  }
  const dryRun = values['dry-run'];
  // A dry run only reads: committed data is the truth even while the relay runs (it commits before applying).
  let release: () => void = () => {};
  if (!dryRun) {
    try {
      release = acquireDataLock(dataDir, 'import');
    } catch (error) {
      if (!(error instanceof DataLockedError)) throw error;
      err(`Nothing was imported. ${error.message}\n`);
      return 1;
    }
  }
  const db = openDatabase(dataDir, { readonly: dryRun });
  try {
    const report = await importIntoBook(db, {
      file: positionals[0],
      into: values.into!,
      duplicates,
      dryRun,
      acceptPartial: values['accept-partial'],
      encoding: values.encoding,
      delimiter: values.delimiter === 'tab' ? '\t' : values.delimiter,
    });
    out(values.json ? `${JSON.stringify(jsonReport(report))}\n` : textReport(report));
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    if (values.json) out(`${JSON.stringify({ file: positionals[0], refused: error.code, message: error.message })}\n`);
    err(`${error.message}\n`);
    return 1;
  } finally {
    db.close();
    release();
  }
}

/** The report as people read it. */
export function textReport(report: BookImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${report.file} (${report.format}${report.encoding ? `, ${report.encoding}` : ''}, ${report.records} records) into the book of ${report.user.name} (${report.user.id}), batch ${report.batch}`,
    `  created: ${report.created}${report.createdOrgs ? ` (${report.createdOrgs} of them organizations named by people's company)` : ''}`,
    `  merged: ${report.merged}`,
    `  skipped: ${report.skipped.length}`,
    ...report.skipped.map((skipped) => `    line ${skipped.line}: ${describeSkip(skipped)}`),
  ];
  const createdDuplicates = report.duplicates.filter((found) => found.outcome === 'created').length;
  if (createdDuplicates) lines.push(`  created although they match another record: ${createdDuplicates} (--duplicates skip or merge to avoid it)`);
  for (const field of report.newFields) lines.push(`  new field in ${field.section}: ${field.label}`);
  for (const warning of report.warnings) lines.push(`  warning: ${describeProblem(warning)}`);
  for (const { docId, seq } of report.written) lines.push(`  wrote ${docId} (update ${seq})`);
  return `${lines.join('\n')}\n`;
}

/** The report as one JSON object (tests, scripts). */
export function jsonReport(report: BookImportReport): Record<string, unknown> {
  return {
    ...report,
    skipped: report.skipped.map((skipped) => ({ line: skipped.line, record: skipped.record, reason: skipped.reason, message: describeSkip(skipped) })),
    warnings: report.warnings.map((warning) => ({ code: warning.code, line: warning.line, message: describeProblem(warning) })),
  };
}
