/**
 * The import wizard: pick or drop a file → check how it was read and map its columns → preview
 * the records as they will be stored and choose what to do with duplicates → import with
 * progress and cancel → the report, with "Undo this import". Reading the file (analysis,
 * preview, duplicates check) runs in the import worker; the store runs the engine's
 * importRecords on the main thread, where the engine lives, as one undoable command.
 */
import { createMemo, createSignal, For, Index, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { useBase } from '../../app/base';
import { fieldLabel, sectionLabel } from '../../app/labels';
import { formatNumber, language, LANGUAGES, t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { SECTION_IDS, type SectionId } from '../../schema/fields';
import type { ColumnMapping, ColumnTarget } from '../column-target';
import type { DateOrder } from '../dates';
import { PICKABLE_ENCODINGS } from '../encoding';
import { describeSkip, importRecords, ImportRefusedError, mappingForBase, type DuplicatePolicy, type ImportReport, type SkippedRecord } from '../import-run';
import type { DuplicateReason } from '../../duplicates/find-duplicates';
import type { DecimalMark } from '../numbers';
import type { ImportRecord } from '../import-record';
import type { PreviewRow } from '../preview';
import { describeProblem, hasFatal, type MessageTable } from '../problems';
import type { FileAnalysis, ImportProgress } from '../read-file';
import { blobSource } from '../source';
import { notesFieldOf } from '../build-record';
import type { ColumnReading } from '../suggest-mapping';
import { checkDuplicates, type DuplicateSummary } from './duplicate-check';
import { createImportClient, isAbort } from './import-client';
import { newFieldLabel, ORG_NAME_KEY, previewKeys, previewValue } from './shown-values';
import { IMPORT_SECTIONS, mappingForSection, targetFromValue, targetOptions, targetValue, withTarget, type TargetOption } from './target-options';
import './wizard.css';

/** Files the picker offers (the type is still recognised from the content). */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xlsx,.ods,.vcf';

type Step = 'file' | 'mapping' | 'review' | 'running' | 'report';

/** A previewed record: the line it comes from and what it will store. */
type ShownRow = Pick<PreviewRow, 'line' | 'result' | 'problem'>;

/** Rows the preview shows. */
const PREVIEW_ROWS = 20;

/** Passes the batches on, keeping the first `count` records in `into`. */
async function* keepFirst(batches: AsyncIterable<ImportRecord[]>, count: number, into: ShownRow[]): AsyncGenerator<ImportRecord[]> {
  for await (const records of batches) {
    for (const record of records) {
      if (into.length >= count) break;
      into.push({ line: record.line, result: record, ...(record.problem ? { problem: record.problem } : {}) });
    }
    yield records;
  }
}

const DELIMITER_KEYS: Record<string, MessageKey> = {
  ',': 'import.wizard.delimiter.comma',
  ';': 'import.wizard.delimiter.semicolon',
  '\t': 'import.wizard.delimiter.tab',
  '|': 'import.wizard.delimiter.pipe',
};

const SPECIAL_KEYS: Record<NonNullable<TargetOption['special']>, MessageKey> = {
  fullName: 'import.wizard.target.fullName',
  middleName: 'import.wizard.target.middleName',
  orgName: 'import.wizard.target.orgName',
  entryKindOf: 'import.wizard.target.entryKindOf',
  newField: 'import.wizard.target.newField',
  notes: 'import.wizard.target.notes',
  skip: 'import.wizard.target.skip',
};


/** The reasons of a duplicate in the user's words. */
function reasonsText(reasons: readonly DuplicateReason[] = []): string {
  return reasons.map((reason) => t(`import.wizard.reason.${reason}` as MessageKey)).join(', ');
}

/** A skipped line of the report: the engine's sentence, with the duplicate reasons translated. */
function skipText(skipped: SkippedRecord): string {
  if (skipped.reason === 'problem') return describeSkip(skipped, messages());
  return t(`import.skip.${skipped.reason}`, { line: skipped.line, first: skipped.matchedLine ?? '?', reasons: reasonsText(skipped.reasons) });
}

/** The current language's messages, for the engine's describers. */
function messages(): MessageTable {
  return LANGUAGES.find((entry) => entry.code === language())!.messages as MessageTable;
}

/** The import wizard as a modal dialog; `section` is where the user opened it. */
export function ImportWizard(props: { section: SectionId; /** A file dropped on the Import button: analysed at once. */ file?: File; onClose: () => void }): JSX.Element {
  const base = useBase();
  const client = createImportClient();
  onCleanup(() => client.dispose());
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());

  const [step, setStep] = createSignal<Step>('file');
  const [file, setFile] = createSignal<File | null>(null);
  const [analysis, setAnalysis] = createSignal<FileAnalysis | null>(null);
  const [mapping, setMapping] = createSignal<ColumnMapping | null>(null);
  const [readings, setReadings] = createSignal<ColumnReading[]>([]);
  const [preview, setPreview] = createSignal<ShownRow[]>([]);
  const [duplicates, setDuplicates] = createSignal<DuplicateSummary | null>(null);
  const [policy, setPolicy] = createSignal<DuplicatePolicy>('create');
  const [acceptPartial, setAcceptPartial] = createSignal(false);
  const [busy, setBusy] = createSignal<{ label: string; progress: ImportProgress | null; started: number } | null>(null);
  const [report, setReport] = createSignal<ImportReport | null>(null);
  const [undone, setUndone] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const [dragging, setDragging] = createSignal(false);
  let running: AbortController | null = null;
  onCleanup(() => running?.abort());

  const canCreateFields = () => base.canWriteOrg();
  /** Every section's fields, custom ones included: the engine maps our own exports' headers to them. */
  const baseFields = () => SECTION_IDS.flatMap((id) => base.fields(id));
  const section = () => mapping()?.section ?? 'people';
  const fields = createMemo(() => base.fields(section()));
  const problems = () => analysis()?.problems ?? [];
  const fatal = () => hasFatal(problems());
  const hasErrors = () => problems().some((found) => found.severity === 'error');

  /** Runs one cancellable step with the progress line; a cancel is not a failure. */
  const track = async <T,>(label: MessageKey, work: (signal: AbortSignal, onProgress: (progress: ImportProgress) => void) => Promise<T>): Promise<T | undefined> => {
    running?.abort();
    const controller = (running = new AbortController());
    setFailure('');
    setBusy({ label: t(label), progress: null, started: performance.now() });
    try {
      return await work(controller.signal, (progress) => setBusy((current) => current && { ...current, progress }));
    } catch (error) {
      if (!isAbort(error)) setFailure(error instanceof ImportRefusedError ? error.message : t('import.wizard.failed', { reason: error instanceof Error ? error.message : String(error) }));
      return undefined;
    } finally {
      if (running === controller) {
        running = null;
        setBusy(null);
      }
    }
  };

  const analyze = async (chosen: File, choices: { encoding?: string; delimiter?: string } = {}) => {
    const result = await track('import.wizard.analyzing', (signal, onProgress) => client.analyze(chosen, chosen.name, { ...choices, fields: baseFields(), messages: messages() }, { signal, onProgress }));
    if (!result) return;
    setAnalysis(result);
    setPreview([]);
    setDuplicates(null);
    setAcceptPartial(false);
    if (result.mapping) {
      const wanted = IMPORT_SECTIONS.includes(props.section) ? props.section : result.mapping.section;
      const inSection = mappingForSection(result.mapping, wanted, base.fields(wanted), result.headers);
      // Without the right to add fields, columns meant for new fields go to the notes instead.
      setMapping(canCreateFields() ? inSection : { ...inSection, targets: inSection.targets.map((target) => (target.kind === 'newField' ? { kind: 'notes', label: target.label } : target)) });
    } else setMapping(null);
    setReadings(result.readings);
    if (!hasFatal(result.problems) && (result.format === 'vcard' || result.mapping)) setStep('mapping');
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setAnalysis(null);
    setStep('file');
    void analyze(chosen);
  };
  onMount(() => choose(props.file));

  const request = () => ({ analysis: analysis()!, mapping: mapping() ?? analysis()!.mapping!, readings: readings(), messages: messages() });

  const toReview = async () => {
    const chosen = file();
    if (!chosen || !analysis()) return;
    setStep('review');
    setPreview([]);
    setDuplicates(null);
    const table = analysis()!.format !== 'vcard';
    if (table) {
      const rows = await track('import.wizard.previewing', (signal) => client.preview(chosen, chosen.name, request(), PREVIEW_ROWS, { signal }));
      if (rows) setPreview(rows);
    }
    // vCards have no columns to preview: their first records are kept from the duplicates pass.
    const firstRecords: ShownRow[] = [];
    const summary = await track('import.wizard.checkingDuplicates', (signal, onProgress) =>
      checkDuplicates(keepFirst(client.records(chosen, chosen.name, request(), { signal, onProgress }), table ? 0 : PREVIEW_ROWS, firstRecords), base.engine.rows),
    );
    if (!table) setPreview(firstRecords);
    if (summary) setDuplicates(summary);
  };

  const runImport = async () => {
    const chosen = file();
    if (!chosen || !analysis()) return;
    setStep('running');
    const done = await track('import.wizard.importing', (signal, onProgress) =>
      // The worker reads and parses; this thread only sorts out duplicates and stores, chunk by chunk.
      importRecords(
        base.engine,
        {
          source: blobSource(chosen, chosen.name),
          records: client.records(chosen, chosen.name, { ...request(), mapping: mappingForBase(base.engine, request().mapping)! }, { signal, onProgress }),
          analysis: analysis()!,
          mapping: mapping() ?? undefined,
          readings: readings(),
          duplicates: policy(),
          acceptPartial: acceptPartial(),
          messages: messages(),
        },
        { signal, onProgress },
      ),
    );
    if (done) {
      setReport(done);
      setStep('report');
    } else setStep('review');
  };

  const undo = async () => {
    if (await base.engine.undo()) setUndone(true);
  };

  const close = () => {
    running?.abort();
    props.onClose();
  };

  const rate = () => {
    const current = busy();
    if (!current?.progress) return 0;
    const seconds = (performance.now() - current.started) / 1000;
    return seconds > 0 ? Math.round(current.progress.rows / seconds) : 0;
  };
  const fraction = () => {
    const progress = busy()?.progress;
    return progress && progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : 0;
  };

  const encodingChoices = () => {
    const guess = analysis()?.encoding;
    if (!guess) return [];
    const list = [guess.encoding, ...guess.alternatives.map((alternative) => alternative.encoding)];
    for (const encoding of PICKABLE_ENCODINGS) if (!list.includes(encoding)) list.push(encoding);
    return list;
  };

  const optionLabel = (option: TargetOption) => (option.field ? fieldLabel(option.field) : t(SPECIAL_KEYS[option.special!]));
  const keyLabel = (key: string) => {
    if (key === ORG_NAME_KEY) return t('import.wizard.target.orgName');
    const created = newFieldLabel(key);
    if (created !== null) return t('import.wizard.newFieldColumn', { label: created });
    // vCards may hold organizations too: their keys are looked up in every import section.
    const field = [fields(), ...IMPORT_SECTIONS.map((id) => base.fields(id))].flat().find((candidate) => candidate.id === key);
    return field ? fieldLabel(field) : key;
  };
  /** The preview's columns in the section's field order (a person's organization where `org` is), notes last. */
  const shownKeys = createMemo(() => {
    const order = (key: string) => {
      if (key === notesFieldOf(section())) return Number.MAX_SAFE_INTEGER;
      const at = fields().findIndex((field) => field.id === (key === ORG_NAME_KEY ? 'org' : key));
      return at < 0 ? fields().length : at;
    };
    return previewKeys(preview().map((row) => row.result)).sort((a, b) => order(a) - order(b));
  });
  const setTarget = (index: number, value: string) => {
    const current = mapping();
    if (!current) return;
    setMapping(withTarget(current, index, targetFromValue(value, current.targets[index], analysis()!.headers[index] ?? '')));
  };
  const setReading = (index: number, change: Partial<ColumnReading>) => setReadings(readings().map((reading, other) => (other === index ? { ...reading, ...change } : reading)));
  const setSection = (next: SectionId) => {
    const current = mapping();
    if (current) setMapping(mappingForSection(current, next, base.fields(next), analysis()!.headers));
  };

  const stepTitle = (): string =>
    ({ file: t('import.wizard.step.file'), mapping: t('import.wizard.step.mapping'), review: t('import.wizard.step.review'), running: t('import.wizard.step.running'), report: t('import.wizard.step.report') })[step()];

  return (
    <dialog ref={dialog} class="import-wizard" aria-labelledby="import-wizard-title" onCancel={(event) => (busy() && step() === 'running' ? event.preventDefault() : close())}>
      <header class="import-wizard-head">
        <h2 id="import-wizard-title">{t('import.wizard.title')}</h2>
        <ol class="import-steps" aria-label={t('import.wizard.steps')}>
          <For each={['file', 'mapping', 'review', 'report'] as const}>
            {(name, index) => (
              <li aria-current={step() === name || (name === 'report' && step() === 'running') ? 'step' : undefined}>
                {index() + 1}. {t(`import.wizard.step.${name}` as MessageKey)}
              </li>
            )}
          </For>
        </ol>
      </header>
      <p class="visually-hidden" aria-live="polite">{stepTitle()}</p>

      <Show when={step() === 'file' || step() === 'mapping'}>
        <label
          class="import-drop"
          classList={{ dragging: dragging(), compact: step() === 'mapping' }}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            choose(event.dataTransfer?.files[0]);
          }}
        >
          <span>{file() ? t('import.wizard.fileChosen', { name: file()!.name, size: formatNumber(Math.ceil(file()!.size / 1024)) }) : t('import.wizard.dropHint')}</span>
          <input type="file" accept={IMPORT_ACCEPT} aria-label={t('import.wizard.chooseFile')} onChange={(event) => choose(event.currentTarget.files?.[0])} />
        </label>
      </Show>

      <Show when={busy()}>
        {(current) => (
          <div class="import-progress" role="group" aria-label={current().label}>
            <div class="import-progress-line">
              <span>{current().label}</span>
              <Show when={current().progress}>
                <span>{t('import.wizard.rowsProgress', { rows: formatNumber(current().progress!.rows), rate: formatNumber(rate()) })}</span>
              </Show>
            </div>
            <progress max="1" value={fraction()} aria-label={current().label} />
            {/* Cancel works until the end: the chunks stored so far are rolled back. */}
            <button type="button" onClick={() => running?.abort()}>
              {t('import.wizard.cancel')}
            </button>
          </div>
        )}
      </Show>

      <Show when={failure()}>
        <p class="import-failure" role="alert">{failure()}</p>
      </Show>

      <Show when={analysis() && (step() === 'file' || step() === 'mapping')}>
        <section class="import-facts" aria-label={t('import.wizard.fileFacts')}>
          <dl>
            <dt>{t('import.wizard.format')}</dt>
            <dd data-testid="import-format">{analysis()!.format ? t(`import.wizard.format.${analysis()!.format}` as MessageKey) : '—'}</dd>
            <dt>{t('import.wizard.records')}</dt>
            <dd>{formatNumber(analysis()!.records)}</dd>
            <Show when={mapping()?.preset}>
              <dt>{t('import.wizard.preset')}</dt>
              <dd data-testid="import-preset">{t(`import.wizard.preset.${mapping()!.preset!}` as MessageKey)}</dd>
            </Show>
          </dl>
          <Show when={analysis()!.encoding}>
            <label class="import-field">
              <span>{t('import.wizard.encoding')}</span>
              <select aria-label={t('import.wizard.encoding')} onChange={(event) => void analyze(file()!, { encoding: event.currentTarget.value, delimiter: analysis()!.dialect?.delimiter })}>
                <For each={encodingChoices()}>{(encoding) => <option value={encoding} selected={encoding === analysis()!.encoding!.encoding}>{encoding}</option>}</For>
              </select>
            </label>
          </Show>
          <Show when={analysis()!.dialect}>
            <label class="import-field">
              <span>{t('import.wizard.delimiter')}</span>
              <select aria-label={t('import.wizard.delimiter')} onChange={(event) => void analyze(file()!, { encoding: analysis()!.encoding?.encoding, delimiter: event.currentTarget.value })}>
                <For each={Object.keys(DELIMITER_KEYS)}>{(delimiter) => <option value={delimiter} selected={delimiter === analysis()!.dialect!.delimiter}>{t(DELIMITER_KEYS[delimiter])}</option>}</For>
              </select>
            </label>
          </Show>
        </section>
      </Show>

      <Show when={problems().length > 0 && step() !== 'report'}>
        <section class="import-problems" classList={{ 'import-fatal': fatal() }} aria-label={t('import.wizard.problems')} role={fatal() ? 'alert' : undefined}>
          <h3>{fatal() ? t('import.wizard.cannotImport') : t('import.wizard.problems')}</h3>
          <ul>
            <For each={problems().slice(0, 20)}>{(found) => <li class={`severity-${found.severity}`}>{describeProblem(found, messages())}</li>}</For>
          </ul>
          <Show when={problems().length > 20}>
            <p>{t('import.wizard.moreProblems', { count: formatNumber(problems().length - 20) })}</p>
          </Show>
        </section>
      </Show>

      <Show when={step() === 'mapping' && analysis()}>
        <Show when={mapping()}>
          <label class="import-field import-section">
            <span>{t('import.wizard.into')}</span>
            <select aria-label={t('import.wizard.into')} onChange={(event) => setSection(event.currentTarget.value as SectionId)}>
              <For each={IMPORT_SECTIONS}>
                {(id) => {
                  const def = base.sections().find((candidate) => candidate.id === id);
                  return <option value={id} selected={id === section()}>{def ? sectionLabel(def) : id}</option>;
                }}
              </For>
            </select>
          </label>
          <div class="import-table-wrap">
            <table class="import-mapping" aria-label={t('import.wizard.mapping')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.wizard.column')}</th>
                  <th scope="col">{t('import.wizard.samples')}</th>
                  <th scope="col">{t('import.wizard.target')}</th>
                  <th scope="col">{t('import.wizard.reading')}</th>
                </tr>
              </thead>
              <tbody>
                <Index each={analysis()!.headers}>
                  {(header, index) => {
                    const target = () => mapping()!.targets[index] as ColumnTarget;
                    const column = () => analysis()!.columns[index];
                    const reading = () => readings()[index];
                    const name = () => header() || t('import.wizard.columnNumber', { number: index + 1 });
                    return (
                      <tr classList={{ skipped: target().kind === 'skip' }}>
                        <th scope="row">{name()}</th>
                        <td>
                          <div class="import-samples">
                            <For each={column()?.samples.slice(0, 3)} fallback={<span class="muted">{t('import.wizard.emptyColumn')}</span>}>
                              {(sample) => <span>{sample}</span>}
                            </For>
                          </div>
                        </td>
                        <td>
                          <select aria-label={t('import.wizard.targetOf', { column: name() })} onChange={(event) => setTarget(index, event.currentTarget.value)}>
                            <For each={targetOptions(section(), fields(), target()).filter((option) => option.special !== 'newField' || canCreateFields())}>
                              {(option) => <option value={option.value} selected={option.value === targetValue(target())}>{optionLabel(option)}</option>}
                            </For>
                          </select>
                        </td>
                        <td>
                          <Show when={reading()?.dates && column() && column()!.dates.dates > 0 && (reading()!.dates!.ambiguous || reading()!.dates!.order !== 'ymd')}>
                            <select aria-label={t('import.wizard.dateOrderOf', { column: name() })} classList={{ ambiguous: reading()!.dates!.ambiguous }} onChange={(event) => setReading(index, { dates: { ...reading()!.dates!, order: event.currentTarget.value as DateOrder, ambiguous: false } })}>
                              <For each={['dmy', 'mdy', 'ymd'] as DateOrder[]}>{(order) => <option value={order} selected={order === reading()!.dates!.order}>{t(`import.wizard.dateOrder.${order}` as MessageKey)}</option>}</For>
                            </select>
                          </Show>
                          <Show when={column() && column()!.numbers.numbers > 0 && (column()!.numbers.comma > 0 || column()!.numbers.point > 0)}>
                            <select aria-label={t('import.wizard.decimalOf', { column: name() })} onChange={(event) => setReading(index, { decimal: event.currentTarget.value as DecimalMark })}>
                              <option value="," selected={reading()?.decimal === ','}>{t('import.wizard.decimal.comma')}</option>
                              <option value="." selected={reading()?.decimal === '.'}>{t('import.wizard.decimal.point')}</option>
                            </select>
                          </Show>
                        </td>
                      </tr>
                    );
                  }}
                </Index>
              </tbody>
            </table>
          </div>
        </Show>
        <Show when={analysis()!.format === 'vcard'}>
          <p>{t('import.wizard.vcardMapped', { count: formatNumber(analysis()!.records) })}</p>
        </Show>
      </Show>

      <Show when={step() === 'review'}>
        <Show when={preview().length > 0}>
          <h3>{t('import.wizard.previewTitle', { count: formatNumber(preview().length) })}</h3>
          <div class="import-table-wrap">
            <table class="import-preview" aria-label={t('import.wizard.preview')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.wizard.line')}</th>
                  <For each={shownKeys()}>{(key) => <th scope="col">{keyLabel(key)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={preview()}>
                  {(row) => (
                    <tr classList={{ problem: Boolean(row.problem) }}>
                      <th scope="row">{row.line}</th>
                      <Show when={!row.problem} fallback={<td colSpan={shownKeys().length}>{describeProblem(row.problem!, messages())}</td>}>
                        <For each={shownKeys()}>{(key) => <td>{previewValue(row.result, key)}</td>}</For>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
        <Show when={duplicates()}>
          {(summary) => (
            <fieldset class="import-duplicates">
              <legend>{t('import.wizard.duplicates')}</legend>
              <p>{summary().inBase + summary().inFile === 0 ? t('import.wizard.noDuplicates') : t('import.wizard.duplicatesFound', { inBase: formatNumber(summary().inBase), inFile: formatNumber(summary().inFile) })}</p>
              <For each={['create', 'skip', 'merge'] as DuplicatePolicy[]}>
                {(choice) => (
                  <label class="import-choice">
                    <input type="radio" name="import-duplicates" value={choice} checked={policy() === choice} onChange={() => setPolicy(choice)} />
                    {t(`import.wizard.policy.${choice}` as MessageKey)}
                  </label>
                )}
              </For>
              <Show when={summary().list.length > 0}>
                <details>
                  <summary>{t('import.wizard.duplicatesList')}</summary>
                  <ul class="import-duplicate-list">
                    <For each={summary().list}>
                      {(match) => (
                        <li>
                          {match.existingId
                            ? t('import.wizard.matchInBase', { line: match.line, name: match.name, existing: match.existingName ?? '', reasons: reasonsText(match.reasons) })
                            : t('import.wizard.matchInFile', { line: match.line, name: match.name, first: match.earlierLine ?? '?', reasons: reasonsText(match.reasons) })}
                        </li>
                      )}
                    </For>
                  </ul>
                </details>
              </Show>
            </fieldset>
          )}
        </Show>
        <Show when={hasErrors()}>
          <label class="import-choice import-partial">
            <input type="checkbox" checked={acceptPartial()} onChange={(event) => setAcceptPartial(event.currentTarget.checked)} />
            {t('import.wizard.acceptPartial')}
          </label>
        </Show>
      </Show>

      <Show when={step() === 'report' && report()}>
        {(done) => (
          <section class="import-report" aria-label={t('import.wizard.step.report')}>
            <Show when={!undone()} fallback={<p role="status">{t('import.wizard.undone', { count: formatNumber(done().created) })}</p>}>
              <ul class="import-counts" role="status">
                <li>{t('import.wizard.created', { count: formatNumber(done().created) })}</li>
                <li>{t('import.wizard.merged', { count: formatNumber(done().merged) })}</li>
                <li>{t('import.wizard.skipped', { count: formatNumber(done().skipped.length) })}</li>
                <Show when={done().newFields.length > 0}>
                  <li>{t('import.wizard.newFields', { labels: done().newFields.map((field) => field.label).join(', ') })}</li>
                </Show>
                <li class="muted">{t('import.wizard.elapsed', { seconds: formatNumber(done().elapsedMs / 1000, { maximumFractionDigits: 1 }) })}</li>
              </ul>
              <Show when={done().warnings.length > 0}>
                <details>
                  <summary>{t('import.wizard.warnings', { count: formatNumber(done().warnings.length) })}</summary>
                  <ul class="import-skipped">
                    <For each={done().warnings.slice(0, 500)}>{(found) => <li>{describeProblem(found, messages())}</li>}</For>
                  </ul>
                </details>
              </Show>
              <Show when={done().skipped.length > 0}>
                <details open>
                  <summary>{t('import.wizard.skippedList')}</summary>
                  <ul class="import-skipped">
                    <For each={done().skipped.slice(0, 500)}>{(skipped) => <li>{skipText(skipped)}</li>}</For>
                  </ul>
                </details>
              </Show>
            </Show>
          </section>
        )}
      </Show>

      <footer class="import-actions">
        <Show when={step() === 'report' && !undone() && report() && (report()!.created > 0 || report()!.merged > 0)}>
          <button type="button" onClick={() => void undo()} disabled={!base.canUndo()}>
            {t('import.wizard.undo')}
          </button>
        </Show>
        <span class="import-gap" />
        <Show when={step() === 'review'}>
          <button type="button" onClick={() => setStep('mapping')}>
            {t('import.wizard.back')}
          </button>
        </Show>
        <Show when={step() !== 'running'}>
          <button type="button" onClick={close}>
            {t('import.wizard.close')}
          </button>
        </Show>
        <Show when={step() === 'mapping'}>
          <button type="button" class="primary" disabled={Boolean(busy()) || fatal()} onClick={() => void toReview()}>
            {t('import.wizard.next')}
          </button>
        </Show>
        <Show when={step() === 'review'}>
          <button type="button" class="primary" disabled={Boolean(busy()) || !duplicates() || (hasErrors() && !acceptPartial())} onClick={() => void runImport()}>
            {t('import.wizard.import', { count: formatNumber(analysis()?.records ?? 0) })}
          </button>
        </Show>
      </footer>
    </dialog>
  );
}

/** Default export for lazy loading from the table (keeps the wizard out of the start-up bundle). */
export default ImportWizard;
