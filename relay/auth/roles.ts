/** Roles and the account shape every relay module shares. */

/** The four roles, from most to least rights. */
export const ROLES = ['admin', 'senior', 'manager', 'viewer'] as const;

/** A role id: Administrator, Senior manager, Manager, View-only. */
export type Role = (typeof ROLES)[number];

/** Whether a value is a known role id. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** An account as the relay's rules see it (no secrets). */
export interface Account {
  id: string;
  name: string;
  role: Role;
  /** "See only own records": the user receives only his own books. */
  seeOnlyOwn: boolean;
  disabled: boolean;
  createdAt: number;
}
