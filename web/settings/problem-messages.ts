/** The message shown for each field problem found by field-rules.ts. */
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import type { FieldProblem } from './field-rules';

const KEYS: Record<FieldProblem, MessageKey> = {
  emptyName: 'settings.fields.emptyName',
  duplicateName: 'settings.fields.duplicateName',
  noOptions: 'settings.fields.noOptions',
  emptyOption: 'settings.options.emptyOption',
  duplicateOption: 'settings.options.duplicateOption',
};

/** The translated message of a problem; params fill `{name}` and `{section}`. */
export function problemMessage(problem: FieldProblem, params: Record<string, string> = {}): string {
  return t(KEYS[problem], params);
}
