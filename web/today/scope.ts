/**
 * Whose work Today and the calendar show: mine, the whole team's (every assignee this user can
 * see), or one colleague's. Remembered on this device, shared by both pages.
 */
import { createSignal } from 'solid-js';
import type { AssigneeScope } from './today-items';

/** 'mine', 'team', or a colleague's user id. */
export type ScopeChoice = string;

const STORAGE_KEY = 'clientela.agendaScope';

function initialChoice(): ScopeChoice {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored || 'mine';
}

const [scopeChoice, setScopeSignal] = createSignal<ScopeChoice>(initialChoice());

/** The current choice (reactive). */
export { scopeChoice };

/** Changes whose work is shown, and remembers it on this device. */
export function setScopeChoice(choice: ScopeChoice): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, choice);
  setScopeSignal(choice);
}

/** The selectors' scope of a choice for the signed-in user. */
export function assigneeScope(choice: ScopeChoice, userId: string): AssigneeScope {
  if (choice === 'team') return null;
  if (choice === 'mine') return userId;
  return choice;
}
