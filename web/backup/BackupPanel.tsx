/**
 * The backup part of the settings page: export the whole base to a file, and restore the base
 * from a file after the file was checked completely and the user confirmed.
 */
import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { formatNumber, language, t } from '../i18n/i18n';
import { backupErrorKey, BackupError, expectedKey, localizedParams, type BackupProgress } from './backup-format';
import { backupFileName, exportBackup } from './export-backup';
import { parseBackup, type CheckedBackup } from './parse-backup';
import { replaceBase } from './restore-backup';
import './backup.css';
import { downloadFile } from '../app/download';

/** A file chosen for restore that passed every check, waiting for the user's confirmation. */
interface PendingRestore {
  file: string;
  checked: CheckedBackup;
}

/** Export and restore of a full backup. */
export function BackupPanel(): JSX.Element {
  const base = useBase();
  const [exportProgress, setExportProgress] = createSignal<BackupProgress | null>(null);
  const [exported, setExported] = createSignal<{ file: string; size: number } | null>(null);
  const [exportError, setExportError] = createSignal<string | null>(null);
  const [checkProgress, setCheckProgress] = createSignal<BackupProgress | null>(null);
  const [invalid, setInvalid] = createSignal<{ file: string; message: string } | null>(null);
  const [pending, setPending] = createSignal<PendingRestore | null>(null);
  const [restoring, setRestoring] = createSignal(false);
  const [restoreError, setRestoreError] = createSignal<string | null>(null);
  let cancelButton: HTMLButtonElement | undefined;
  let fileInput: HTMLInputElement | undefined;
  let disposed = false;
  onCleanup(() => (disposed = true));

  const busy = () => exportProgress() !== null || checkProgress() !== null || restoring();

  const runExport = async () => {
    setExported(null);
    setExportError(null);
    setExportProgress({ phase: 'read', done: 0, total: 1 });
    try {
      // Edits still in memory go into the file; a full disk must not stop a backup of what is saved.
      await base.engine.flush().catch(() => undefined);
      const bytes = await exportBackup(base.engine.db, { onProgress: (progress) => !disposed && setExportProgress(progress) });
      const file = backupFileName(new Date());
      downloadFile(bytes, 'application/gzip', file);
      setExported({ file, size: bytes.length });
    } catch (error) {
      setExportError(t('backup.exportFailed', { message: errorText(error) }));
    } finally {
      setExportProgress(null);
    }
  };

  const checkFile = async (file: File) => {
    setInvalid(null);
    setPending(null);
    setRestoreError(null);
    setCheckProgress({ phase: 'check', done: 0, total: 1 });
    try {
      const checked = await parseBackup(new Uint8Array(await file.arrayBuffer()), { onProgress: (progress) => !disposed && setCheckProgress(progress) });
      setPending({ file: file.name, checked });
      queueMicrotask(() => cancelButton?.focus());
    } catch (error) {
      setInvalid({ file: file.name, message: error instanceof BackupError ? t(backupErrorKey(error.code), localizedParams(error.params, (kind) => t(expectedKey(kind)))) : errorText(error) });
    } finally {
      setCheckProgress(null);
      // Choosing the same file again (after fixing it) must fire another change event.
      if (fileInput) fileInput.value = '';
    }
  };

  const restore = async (checked: CheckedBackup) => {
    setRestoring(true);
    try {
      base.search.dispose();
      await replaceBase(base.engine, checked.backup);
      location.reload();
    } catch (error) {
      setRestoring(false);
      setPending(null);
      setRestoreError(t('backup.restoreFailed', { message: errorText(error) }));
    }
  };

  return (
    <div class="backup-panel">
      <p class="backup-intro">{t('backup.intro')}</p>

      <section class="backup-block" aria-labelledby="backup-export-heading">
        <h3 id="backup-export-heading">{t('backup.exportTitle')}</h3>
        <button type="button" class="primary" onClick={() => void runExport()} disabled={busy()}>
          {t('backup.export')}
        </button>
        <Show when={exportProgress()}>{(progress) => <ProgressLine progress={progress()} />}</Show>
        <Show when={exported()}>
          {(done) => (
            <p class="backup-done" role="status">
              {t('backup.exported', { file: done().file, size: formatSize(done().size) })}
            </p>
          )}
        </Show>
        <Show when={exportError()}>
          {(message) => (
            <p class="backup-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
      </section>

      <section class="backup-block" aria-labelledby="backup-restore-heading">
        <h3 id="backup-restore-heading">{t('backup.restoreTitle')}</h3>
        <p class="backup-hint">{t('backup.restoreIntro')}</p>
        <label class="backup-file">
          <span>{t('backup.chooseFile')}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.gz,application/json,application/gzip"
            disabled={busy()}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void checkFile(file);
            }}
          />
        </label>
        <Show when={checkProgress()}>{(progress) => <ProgressLine progress={progress()} />}</Show>
        <Show when={invalid()}>
          {(problem) => (
            <div class="backup-error" role="alert" data-backup="invalid">
              <strong>{t('backup.invalid', { file: problem().file })}</strong>
              <p>{problem().message}</p>
              <p>{t('backup.nothingChanged')}</p>
            </div>
          )}
        </Show>
        <Show when={restoreError()}>
          {(message) => (
            <div class="backup-error" role="alert">
              <p>{message()}</p>
              <button type="button" onClick={() => location.reload()}>
                {t('app.reload')}
              </button>
            </div>
          )}
        </Show>
        <Show when={pending()}>
          {(waiting) => (
            <div class="backup-confirm" role="alertdialog" aria-modal="false" aria-labelledby="backup-confirm-title" aria-describedby="backup-confirm-warning">
              <h4 id="backup-confirm-title">{t('backup.confirmTitle')}</h4>
              <p>
                {t('backup.confirmSummary', {
                  file: waiting().file,
                  date: formatWhen(waiting().checked.summary.createdAt),
                  records: formatNumber(waiting().checked.summary.records),
                  docs: formatNumber(waiting().checked.summary.docs),
                  blobs: formatNumber(waiting().checked.summary.blobs),
                })}
              </p>
              <p id="backup-confirm-warning" class="backup-warning">
                {t('backup.confirmWarning')}
              </p>
              <Show when={restoring()}>
                <p role="status">{t('backup.restoring')}</p>
              </Show>
              <div class="backup-actions">
                <button type="button" onClick={() => void runExport()} disabled={busy()}>
                  {t('backup.exportFirst')}
                </button>
                <button type="button" class="danger" onClick={() => void restore(waiting().checked)} disabled={busy()}>
                  {t('backup.confirmRestore')}
                </button>
                <button type="button" ref={cancelButton} onClick={() => setPending(null)} disabled={restoring()}>
                  {t('backup.cancel')}
                </button>
              </div>
            </div>
          )}
        </Show>
      </section>
    </div>
  );
}

/** A progress bar with its text: determinate when the job knows how many steps it has. */
function ProgressLine(props: { progress: BackupProgress }): JSX.Element {
  const text = () => {
    const { phase, done, total } = props.progress;
    if (phase === 'pack') return t('backup.progress.pack', { done, total });
    if (phase === 'check') return t('backup.progress.check', { done, total });
    return t(phase === 'compress' ? 'backup.progress.compress' : 'backup.progress.read');
  };
  const determinate = () => props.progress.phase === 'pack' || props.progress.phase === 'check';
  return (
    <div class="backup-progress">
      {/* Without a value a progress bar shows "working"; its value property cannot be unset. */}
      <Show when={determinate()} fallback={<progress aria-label={t('backup.progressLabel')} />}>
        <progress aria-label={t('backup.progressLabel')} max={props.progress.total} value={props.progress.done} />
      </Show>
      <span role="status">{text()}</span>
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
  return formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
