/**
 * A person's photo: picked from a file, downscaled and stored as a content-addressed blob;
 * the record holds only the hash (web/blobs). Removing the photo clears the field; the blob
 * stays so undo brings the photo back.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { createBlobUrl } from '../blobs/photo-url';
import { downscaleImage } from '../blobs/downscale';
import { isBlobHash, putBlob } from '../blobs/blob-store';
import type { EditorProps } from './editor-props';

/** The editor of a photo field; `name` is the person's name for the image's text alternative. */
export function PhotoField(props: EditorProps & { name: string }): JSX.Element {
  const base = useBase();
  const [busy, setBusy] = createSignal(false);
  const hash = () => (isBlobHash(props.value) ? props.value : null);
  const url = createBlobUrl(base.engine.db, hash);

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const image = await downscaleImage(file);
      const stored = await putBlob(base.engine.db, image.data, image.type);
      props.setError(null);
      props.commit(stored);
    } catch {
      props.setError(t('card.photo.failed', { name: file.name }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card-photo" aria-busy={busy()}>
      <div class="card-photo-frame">
        <Show when={url()} fallback={<span class="card-muted">{t('card.photo.none')}</span>}>
          {(src) => <img src={src()} alt={t('card.photo.alt', { name: props.name || t('card.untitled') })} />}
        </Show>
      </div>
      <div class="card-photo-actions">
        <label class="card-file-button">
          {t('card.photo.choose')}
          <input
            id={props.inputId}
            type="file"
            accept="image/*"
            class="card-visually-hidden"
            aria-label={props.label}
            aria-invalid={props.invalid ? 'true' : undefined}
            aria-describedby={props.invalid ? props.errorId : undefined}
            onChange={(event) => void pick(event.currentTarget)}
          />
        </label>
        <Show when={hash()}>
          <button
            type="button"
            onClick={() => {
              props.commit(null);
              // The button disappears with the photo: keep the keyboard on the photo field.
              queueMicrotask(() => document.getElementById(props.inputId)?.focus());
            }}
          >
            {t('card.photo.remove')}
          </button>
        </Show>
      </div>
    </div>
  );
}
