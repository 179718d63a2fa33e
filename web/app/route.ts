/** The app's location in the URL hash: `#/today` (home), `#/calendar/week/2026-11-23`, `#/orgs`, `#/orgs/<recordId>`, `#/settings`, `#/users`, `#/login`, `#/invite/<token>`. */
import { createSignal } from 'solid-js';
import { SECTION_IDS, type SectionId } from '../schema/fields';

/** Where the user is. */
export type Route =
  /** The home: what to do today. */
  | { page: 'today' }
  /** The calendar: a week or a month around a day (`YYYY-MM-DD`; today when absent). */
  | { page: 'calendar'; mode?: 'week' | 'month'; date?: string }
  | { page: 'section'; section: SectionId; recordId?: string }
  | { page: 'settings'; tab?: string }
  /** The Users page (admins, with an office relay). */
  | { page: 'users' }
  /** Signing in to the office relay. */
  | { page: 'login' }
  /** Accepting an invite link: the invitee chooses his name and password. */
  | { page: 'invite'; token: string }
  /** A password reset link: the user chooses a new password. */
  | { page: 'reset'; token: string };

/** Pages shown before any base is open (signing in decides whose base opens). */
export function isAccountEntry(route: Route): route is Extract<Route, { page: 'login' | 'invite' | 'reset' }> {
  return route.page === 'login' || route.page === 'invite' || route.page === 'reset';
}

/** Parses a location hash; empty and unknown hashes go to the home, Today. */
export function parseRoute(hash: string): Route {
  const [first, second, third] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (first === 'calendar') return calendarRoute(second, third);
  if (first === 'settings') return { page: 'settings', tab: second || undefined };
  if (first === 'users') return { page: 'users' };
  if (first === 'login') return { page: 'login' };
  if ((first === 'invite' || first === 'reset') && second) return { page: first, token: second };
  if ((SECTION_IDS as readonly string[]).includes(first)) return { page: 'section', section: first as SectionId, recordId: second || undefined };
  return { page: 'today' };
}

function calendarRoute(mode: string | undefined, date: string | undefined): Route {
  return {
    page: 'calendar',
    mode: mode === 'week' || mode === 'month' ? mode : undefined,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
  };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  if (route.page === 'today') return '#/today';
  if (route.page === 'calendar') return `#/calendar${route.mode || route.date ? `/${route.mode ?? 'week'}` : ''}${route.date ? `/${route.date}` : ''}`;
  if (route.page === 'settings') return `#/settings${route.tab ? `/${route.tab}` : ''}`;
  if (route.page === 'users' || route.page === 'login') return `#/${route.page}`;
  if (route.page === 'invite' || route.page === 'reset') return `#/${route.page}/${encodeURIComponent(route.token)}`;
  return `#/${route.section}${route.recordId ? `/${encodeURIComponent(route.recordId)}` : ''}`;
}

const [route, setRouteSignal] = createSignal<Route>(parseRoute(typeof location !== 'undefined' ? location.hash : ''));
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => setRouteSignal(parseRoute(location.hash)));

/** The current route (reactive). */
export { route };

/** Goes to a route (adds a history entry, so Back works). */
export function navigate(next: Route): void {
  const hash = routeHash(next);
  if (location.hash !== hash) location.hash = hash;
  setRouteSignal(next);
}
