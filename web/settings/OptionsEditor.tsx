/** The list of options of a choice field: add with the box (Enter works), remove with ×. */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { addOption, type FieldProblem } from './field-rules';
import { problemMessage } from './problem-messages';

/** Edits a list of options; `onChange` gets the new list, `invalid` marks the list as wrong. */
export function OptionsEditor(props: {
  options: readonly string[];
  onChange: (options: string[]) => void;
  /** Refuses removing the last option (existing choice fields must keep one). */
  keepOne?: boolean;
  invalid?: boolean;
  idPrefix: string;
  /** How an option is shown (built-in options are translated); the option itself when absent. */
  label?: (option: string) => string;
}): JSX.Element {
  const [typed, setTyped] = createSignal('');
  const [problem, setProblem] = createSignal<FieldProblem | 'lastOption' | null>(null);

  const add = () => {
    const result = addOption(props.options, typed());
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setTyped('');
    props.onChange(result.options);
  };

  const remove = (option: string) => {
    if (props.keepOne && props.options.length <= 1) {
      setProblem('lastOption');
      return;
    }
    setProblem(null);
    props.onChange(props.options.filter((kept) => kept !== option));
  };

  const errorId = `${props.idPrefix}-options-error`;
  return (
    <fieldset class="settings-options" aria-invalid={props.invalid ? 'true' : undefined}>
      <legend>{t('settings.options.legend')}</legend>
      <Show when={props.options.length > 0} fallback={<p class="settings-hint">{t('settings.options.none')}</p>}>
        <ul class="settings-option-list">
          <For each={props.options}>
            {(option) => (
              <li>
                <span>{props.label ? props.label(option) : option}</span>
                <button type="button" class="settings-icon" aria-label={t('settings.options.remove', { name: props.label ? props.label(option) : option })} title={t('settings.options.remove', { name: props.label ? props.label(option) : option })} onClick={() => remove(option)}>
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="settings-option-add">
        <input
          type="text"
          value={typed()}
          aria-label={t('settings.options.new')}
          placeholder={t('settings.options.new')}
          aria-invalid={problem() && problem() !== 'lastOption' ? 'true' : undefined}
          aria-describedby={problem() ? errorId : undefined}
          onInput={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter adds the option instead of submitting the surrounding form.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          {t('settings.options.add')}
        </button>
      </div>
      <Show when={problem()}>
        {(current) => (
          <p class="settings-error" role="alert" id={errorId}>
            {current() === 'lastOption' ? t('settings.options.lastOption') : problemMessage(current() as FieldProblem, { name: typed().trim() })}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
