/**
 * The import engine from the command line (`npm run import -- --dry-run --json FILE...`):
 * per file one JSON line {"file","format","encoding","delimiter","records","errors",...} and,
 * with --records, the parsed records as JSON lines. Exits 1 when a file cannot be read.
 * Importing into a book is the relay CLI's job: it will call the same analyzeFile/readRecords.
 */
import { describeProblem, type ImportProblem } from './problems';
import { fileSource } from './node-source';
import { analyzeFile, readRecords, type FileAnalysis } from './read-file';

/** Parsed command-line options. */
export interface CliOptions {
  dryRun: boolean;
  json: boolean;
  records: boolean;
  encoding?: string;
  delimiter?: string;
  files: string[];
}

const USAGE = 'usage: npm run import -- --dry-run [--json] [--records] [--encoding LABEL] [--delimiter CHAR] FILE...';

/** Reads the arguments; throws with the usage text on a mistake. */
export function parseArgs(args: string[]): CliOptions {
  const options: CliOptions = { dryRun: false, json: false, records: false, files: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--records') options.records = true;
    else if (arg === '--encoding' || arg === '--delimiter') {
      const value = args[++index];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === '--encoding') options.encoding = value;
      else options.delimiter = value === 'tab' ? '\t' : value;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new Error(`no file given\n${USAGE}`);
  if (!options.dryRun) throw new Error(`only --dry-run is available here; importing into a book goes through the relay CLI\n${USAGE}`);
  return options;
}

/** The JSON summary of one analysed file. */
export function summary(analysis: FileAnalysis): Record<string, unknown> {
  const describe = (found: ImportProblem) => ({ code: found.code, ...(found.line ? { line: found.line } : {}), ...(found.record ? { record: found.record } : {}), message: describeProblem(found) });
  return {
    file: analysis.file,
    format: analysis.format,
    encoding: analysis.encoding?.encoding ?? null,
    delimiter: analysis.dialect?.delimiter ?? null,
    records: analysis.records,
    errors: analysis.problems.filter((found) => found.severity !== 'warning').map(describe),
    warnings: analysis.problems.filter((found) => found.severity === 'warning').map(describe),
    problemCounts: analysis.problemCounts,
    ignoredProperties: analysis.ignoredProperties,
    preset: analysis.mapping?.preset ?? null,
    section: analysis.mapping?.section ?? null,
  };
}

/** Runs the CLI; returns the exit code. */
export async function main(args: string[], out: (line: string) => void = (line) => process.stdout.write(`${line}\n`), err: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(args);
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
  let failed = false;
  for (const file of options.files) {
    let analysis: FileAnalysis;
    let source;
    try {
      source = await fileSource(file);
      analysis = await analyzeFile(source, { encoding: options.encoding, delimiter: options.delimiter });
    } catch (error) {
      failed = true;
      const message = `${file}: cannot read the file: ${(error as Error).message}`;
      if (options.json) out(JSON.stringify({ file, format: null, encoding: null, delimiter: null, records: 0, errors: [{ code: 'unreadable', message }] }));
      else err(message);
      continue;
    }
    const fatal = analysis.problems.some((found) => found.severity === 'fatal');
    if (fatal) failed = true;
    if (options.json) out(JSON.stringify(summary(analysis)));
    else {
      out(`${file}: ${analysis.format ?? 'unreadable'}, ${analysis.encoding?.encoding ?? '-'}, ${analysis.records} records`);
      for (const found of analysis.problems) (found.severity === 'warning' ? out : err)(`  ${found.severity}: ${describeProblem(found)}`);
    }
    if (options.records && !fatal) {
      for await (const batch of readRecords(source, analysis)) {
        for (const record of batch) {
          const photo = record.photo ? { type: record.photo.type, bytes: record.photo.bytes.length } : undefined;
          out(JSON.stringify({ file: analysis.file, ...record, ...(photo ? { photo } : {}), ...(record.problem ? { problem: { ...record.problem, message: describeProblem(record.problem) } } : {}) }));
        }
      }
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
