import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route';

describe('routes', () => {
  it('Today is the home: empty and unknown hashes open it', () => {
    expect(parseRoute('')).toEqual({ page: 'today' });
    expect(parseRoute('#/')).toEqual({ page: 'today' });
    expect(parseRoute('#/nowhere/at/all')).toEqual({ page: 'today' });
    expect(parseRoute('#/today')).toEqual({ page: 'today' });
  });

  it('the calendar keeps its layout and day; bad parts fall back to the defaults', () => {
    expect(parseRoute('#/calendar')).toEqual({ page: 'calendar', mode: undefined, date: undefined });
    expect(parseRoute('#/calendar/month/2026-11-01')).toEqual({ page: 'calendar', mode: 'month', date: '2026-11-01' });
    expect(parseRoute('#/calendar/year/soon')).toEqual({ page: 'calendar', mode: undefined, date: undefined });
  });

  it('sections, records and settings still parse as before', () => {
    expect(parseRoute('#/orgs')).toEqual({ page: 'section', section: 'orgs', recordId: undefined });
    expect(parseRoute('#/people/abc')).toEqual({ page: 'section', section: 'people', recordId: 'abc' });
    expect(parseRoute('#/events/e1')).toEqual({ page: 'section', section: 'events', recordId: 'e1' });
    expect(parseRoute('#/settings/fields')).toEqual({ page: 'settings', tab: 'fields' });
  });

  it('every route survives its own hash', () => {
    const routes: Route[] = [
      { page: 'today' },
      { page: 'calendar' },
      { page: 'calendar', mode: 'month' },
      { page: 'calendar', mode: 'week', date: '2026-03-29' },
      { page: 'section', section: 'tasks', recordId: 'x/y' },
      { page: 'users' },
    ];
    for (const route of routes) {
      const parsed = parseRoute(routeHash(route));
      expect(routeHash(parsed)).toBe(routeHash(route));
    }
    expect(routeHash({ page: 'calendar', date: '2026-03-29' })).toBe('#/calendar/week/2026-03-29');
  });
});
