/**
 * Rules of the field editor, kept apart from the UI so they are tested on their own: what a
 * field name may be, what a choice field's options must be, and how a move changes the order.
 */
import type { CustomFieldType, FieldDef, FieldType } from '../schema/fields';
import { foldText } from '../search/normalize';

/** Why a field name or a new field is refused (each maps to a message). */
export type FieldProblem = 'emptyName' | 'duplicateName' | 'noOptions' | 'emptyOption' | 'duplicateOption';

/** Whether a field type takes its values from a list of options. */
export function needsOptions(type: FieldType): boolean {
  return type === 'choice' || type === 'multichoice';
}

/** Names compare as people read them: "Staff", " staff " and "Stâff" are the same name. */
function sameName(a: string, b: string): boolean {
  return foldText(a.trim()) === foldText(b.trim());
}

/** Checks a field name against the names already used in the section (the field itself excluded). */
export function checkFieldName(name: string, takenNames: readonly string[]): FieldProblem | null {
  if (!name.trim()) return 'emptyName';
  if (takenNames.some((taken) => sameName(taken, name))) return 'duplicateName';
  return null;
}

/** A custom field as typed into the "add field" form. */
export interface FieldDraft {
  label: string;
  type: CustomFieldType;
  options: readonly string[];
}

/** Checks a new custom field: a unique name, and options when its type needs them. */
export function checkNewField(draft: FieldDraft, takenNames: readonly string[]): FieldProblem | null {
  const nameProblem = checkFieldName(draft.label, takenNames);
  if (nameProblem) return nameProblem;
  if (needsOptions(draft.type) && cleanOptions(draft.options).length === 0) return 'noOptions';
  return null;
}

/** Options trimmed, blanks dropped, repeats (by folded text) removed, first spelling kept. */
export function cleanOptions(options: readonly string[]): string[] {
  const result: string[] = [];
  for (const option of options) {
    const text = option.trim();
    if (text && !result.some((kept) => sameName(kept, text))) result.push(text);
  }
  return result;
}

/** Adds one option to a list, or says why it cannot be added. */
export function addOption(options: readonly string[], typed: string): { options: string[] } | { problem: FieldProblem } {
  const text = typed.trim();
  if (!text) return { problem: 'emptyOption' };
  if (options.some((option) => sameName(option, text))) return { problem: 'duplicateOption' };
  return { options: [...options, text] };
}

/**
 * What to store when a field is renamed: built-ins go back to their translated default when the
 * name is emptied or typed as the default (so it keeps following the UI language); a custom
 * field cannot lose its name.
 */
export function labelToStore(field: Pick<FieldDef, 'builtin'>, typed: string, defaultLabel: string): { label: string } | { problem: FieldProblem } {
  const text = typed.trim();
  if (field.builtin && (!text || text === defaultLabel)) return { label: '' };
  if (!text) return { problem: 'emptyName' };
  return { label: text };
}

/**
 * The full ordered id list after moving one field up (-1) or down (+1) among the fields that
 * are not deleted; fields pending deletion keep their place after them. Null when the move
 * would leave the list.
 */
export function orderAfterMove(fields: readonly FieldDef[], fieldId: string, delta: -1 | 1): string[] | null {
  const sorted = [...fields].sort((a, b) => a.order - b.order);
  const active = sorted.filter((field) => field.deletedAt === undefined).map((field) => field.id);
  const from = active.indexOf(fieldId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= active.length) return null;
  [active[from], active[to]] = [active[to], active[from]];
  const deleted = sorted.filter((field) => field.deletedAt !== undefined).map((field) => field.id);
  return [...active, ...deleted];
}

/** Whether a field may be hidden: the field that names records in lists must stay visible. */
export function canHideField(field: Pick<FieldDef, 'title'>): boolean {
  return field.title !== true;
}
