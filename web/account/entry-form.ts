/**
 * Checks of the invite, sign-in and reset forms before anything is sent, with the same rules
 * as the relay (relay/auth/passwords.ts, relay/auth/sessions.ts), so the user sees the problem
 * next to the field instead of after a round trip.
 */
import type { MessageKey } from '../i18n/messages/en';

/** The shortest password the relay accepts (MIN_PASSWORD_LENGTH in relay/auth/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 8;
/** The longest password the relay accepts. */
export const MAX_PASSWORD_LENGTH = 1024;
/** The longest account name the relay accepts. */
export const MAX_NAME_LENGTH = 80;

/** One problem with one field: which field, and the message with its parameters. */
export interface FormProblem {
  field: 'name' | 'password' | 'repeat';
  key: MessageKey;
  params?: Record<string, number>;
}

/** Problems with a chosen name (trimmed, 1 to 80 characters). */
export function nameProblems(name: string): FormProblem[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ field: 'name', key: 'account.error.nameRequired' }];
  if (trimmed.length > MAX_NAME_LENGTH) return [{ field: 'name', key: 'account.error.nameTooLong', params: { max: MAX_NAME_LENGTH } }];
  return [];
}

/** Problems with a new password typed twice; lengths count characters as the relay does (code points). */
export function newPasswordProblems(password: string, repeat: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push({ field: 'password', key: 'account.error.passwordShort', params: { min: MIN_PASSWORD_LENGTH } });
  else if (password.length > MAX_PASSWORD_LENGTH) problems.push({ field: 'password', key: 'account.error.passwordLong', params: { max: MAX_PASSWORD_LENGTH } });
  if (repeat !== password) problems.push({ field: 'repeat', key: 'account.error.passwordsDiffer' });
  return problems;
}

/** Problems with the invite form: a name and a new password typed twice. */
export function inviteFormProblems(form: { name: string; password: string; repeat: string }): FormProblem[] {
  return [...nameProblems(form.name), ...newPasswordProblems(form.password, form.repeat)];
}

/** Problems with the sign-in form: both fields filled (the relay judges the password itself). */
export function loginFormProblems(form: { name: string; password: string }): FormProblem[] {
  const problems = nameProblems(form.name).filter((problem) => problem.key === 'account.error.nameRequired');
  if (form.password === '') problems.push({ field: 'password', key: 'account.error.passwordRequired' });
  return problems;
}
