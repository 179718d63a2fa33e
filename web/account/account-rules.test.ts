import { describe, expect, it } from 'vitest';
import { ROLES, RelayApiError, type Role } from '../sync/relay-api';
import { LANGUAGES } from '../i18n/i18n';
import { en } from '../i18n/messages/en';
import { parseRoute } from '../app/route';
import { roleCanWrite, roleLabelKey } from './roles';
import { pluralForm, pluralKey } from './plural';
import { inviteLink, resetLink } from './links';
import { inviteFormProblems, loginFormProblems, newPasswordProblems, MIN_PASSWORD_LENGTH } from './entry-form';
import { relayErrorMessage, retrySeconds } from './relay-errors';
import { connectionPhrase, refusalPhrase, savingPhrase } from './status-text';
import type { SyncStatus } from '../sync/sync-status';

const messagesOf = (code: string) => LANGUAGES.find((language) => language.code === code)!.messages;

describe('role labels', () => {
  it('every relay role has a label in all four languages', () => {
    const expected: Record<string, Record<Role, string>> = {
      en: { admin: 'Administrator', senior: 'Senior manager', manager: 'Manager', viewer: 'View-only' },
      es: { admin: 'Administrador', senior: 'Gerente sénior', manager: 'Gerente', viewer: 'Solo lectura' },
      ro: { admin: 'Administrator', senior: 'Manager senior', manager: 'Manager', viewer: 'Doar citire' },
      ru: { admin: 'Администратор', senior: 'Старший менеджер', manager: 'Менеджер', viewer: 'Только просмотр' },
    };
    for (const code of Object.keys(expected)) {
      for (const role of ROLES) expect(messagesOf(code)[roleLabelKey(role)], `${code} ${role}`).toBe(expected[code][role]);
    }
  });

  it('only View-only is a role that cannot write', () => {
    expect(ROLES.filter((role) => !roleCanWrite(role))).toEqual(['viewer']);
  });
});

describe('plural choice', () => {
  it('Russian uses one / few / many by the last digits', () => {
    expect([1, 21, 101].map((n) => pluralForm('ru', n))).toEqual(['one', 'one', 'one']);
    expect([2, 3, 4, 22, 34].map((n) => pluralForm('ru', n))).toEqual(['few', 'few', 'few', 'few', 'few']);
    expect([0, 5, 11, 12, 14, 25, 100].map((n) => pluralForm('ru', n))).toEqual(['many', 'many', 'many', 'many', 'many', 'many', 'many']);
  });

  it('Romanian uses few from 2 to 19 and other ("de") from 20', () => {
    expect(pluralForm('ro', 1)).toBe('one');
    expect(pluralForm('ro', 2)).toBe('few');
    expect(pluralForm('ro', 19)).toBe('few');
    expect(pluralForm('ro', 20)).toBe('other');
  });

  it('English and Spanish use one for 1 and other for 0 and 2', () => {
    for (const code of ['en', 'es']) expect([0, 1, 2].map((n) => pluralForm(code, n))).toEqual(['other', 'one', 'other']);
  });

  it('the pending-changes message reads right in every language for 1, 2, 5 and 21', () => {
    const render = (code: string, n: number) => messagesOf(code)[pluralKey('account.status.pending', code, n)].replace('{count}', String(n));
    expect(render('en', 1)).toBe('1 change waits for the relay');
    expect(render('en', 2)).toBe('2 changes wait for the relay');
    expect(render('ru', 1)).toBe('1 изменение ждёт сервера');
    expect(render('ru', 2)).toBe('2 изменения ждут сервера');
    expect(render('ru', 5)).toBe('5 изменений ждут сервера');
    expect(render('ru', 21)).toBe('21 изменение ждёт сервера');
    expect(render('ro', 2)).toBe('2 modificări așteaptă serverul');
    expect(render('ro', 21)).toBe('21 de modificări așteaptă serverul');
    expect(render('es', 1)).toBe('1 cambio espera al servidor');
    expect(render('es', 3)).toBe('3 cambios esperan al servidor');
  });

  it('every form a language can pick has a message', () => {
    for (const { code } of LANGUAGES) {
      for (let n = 0; n <= 1_000_000; n = n < 200 ? n + 1 : n * 10) {
        expect(en).toHaveProperty([pluralKey('account.status.fetching', code, n)]);
        expect(en).toHaveProperty([pluralKey('account.status.pending', code, n)]);
      }
    }
  });
});

describe('invite and reset links', () => {
  it('the invite link opens the invite page with the same token', () => {
    const link = inviteLink('https://office.lan:8443', 'abc-_123');
    expect(link).toBe('https://office.lan:8443/#/invite/abc-_123');
    expect(parseRoute(new URL(link).hash)).toEqual({ page: 'invite', token: 'abc-_123' });
  });

  it('the reset link opens the reset page; a trailing slash in the origin is not doubled', () => {
    const link = resetLink('http://localhost:8080/', 'tok/en?');
    expect(link).toBe('http://localhost:8080/#/reset/tok%2Fen%3F');
    expect(parseRoute(new URL(link).hash)).toEqual({ page: 'reset', token: 'tok/en?' });
  });
});

describe('entry form validation', () => {
  const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

  it('a good invite form has no problems', () => {
    expect(inviteFormProblems({ name: ' Ana ', password: 'correct horse', repeat: 'correct horse' })).toEqual([]);
  });

  it('a blank or too long name is refused with the reason', () => {
    expect(inviteFormProblems({ name: '   ', password: 'longenough', repeat: 'longenough' })).toEqual([{ field: 'name', key: 'account.error.nameRequired' }]);
    expect(inviteFormProblems({ name: 'x'.repeat(81), password: 'longenough', repeat: 'longenough' })[0]).toMatchObject({ field: 'name', key: 'account.error.nameTooLong', params: { max: 80 } });
    expect(inviteFormProblems({ name: 'x'.repeat(80), password: 'longenough', repeat: 'longenough' })).toEqual([]);
  });

  it(`a password needs ${MIN_PASSWORD_LENGTH} characters, counted as the relay counts them`, () => {
    expect(fields(newPasswordProblems('1234567', '1234567'))).toEqual(['password']);
    expect(newPasswordProblems('12345678', '12345678')).toEqual([]);
    // Four emoji are 8 UTF-16 units but 4 characters: too short for the relay.
    expect(fields(newPasswordProblems('😀😀😀😀', '😀😀😀😀'))).toEqual(['password']);
  });

  it('the two passwords must match', () => {
    expect(newPasswordProblems('longenough', 'longenougH')).toEqual([{ field: 'repeat', key: 'account.error.passwordsDiffer' }]);
  });

  it('sign-in needs both fields but leaves the password rules to the relay', () => {
    expect(fields(loginFormProblems({ name: '', password: '' }))).toEqual(['name', 'password']);
    expect(loginFormProblems({ name: 'Ana', password: 'x' })).toEqual([]);
  });
});

describe('relay refusals in the user language', () => {
  it('the rate limit shows the seconds the relay asked for', () => {
    const long = new RelayApiError(429, 'too-many-attempts', 'Too many failed logins: try again in 734 s.');
    expect(relayErrorMessage(long, 'login')).toEqual({ key: 'account.error.tooManyAttemptsMinutes', params: { minutes: 13, seconds: 734 } });
    const short = new RelayApiError(429, 'too-many-attempts', 'Too many failed logins: try again in 45 s.');
    expect(relayErrorMessage(short, 'login')).toEqual({ key: 'account.error.tooManyAttempts', params: { seconds: 45 } });
    expect(retrySeconds('nothing here')).toBeNull();
  });

  it('wrong password, used invite, taken name and last admin have their own messages', () => {
    expect(relayErrorMessage(new RelayApiError(401, 'bad-credentials', 'Wrong name or password.'), 'login').key).toBe('account.error.badCredentials');
    expect(relayErrorMessage(new RelayApiError(400, 'invalid-invite', 'x'), 'invite').key).toBe('account.error.invalidInvite');
    expect(relayErrorMessage(new RelayApiError(400, 'invalid-invite', 'x'), 'reset').key).toBe('account.error.invalidReset');
    expect(relayErrorMessage(new RelayApiError(409, 'name-taken', 'The name "Ana" is already taken.'), 'invite')).toEqual({ key: 'account.error.nameTaken', params: { name: 'Ana' } });
    expect(relayErrorMessage(new RelayApiError(410, 'reset-used', 'x'), 'reset').key).toBe('account.error.invalidReset');
    expect(relayErrorMessage(new RelayApiError(403, 'account-disabled', 'x'), 'reset').key).toBe('account.error.accountDisabled');
    expect(relayErrorMessage(new RelayApiError(400, 'last-admin', 'x'), 'users').key).toBe('account.error.lastAdmin');
    expect(relayErrorMessage(new RelayApiError(0, 'unreachable', 'x'), 'login').key).toBe('account.error.unreachable');
  });

  it('an unknown refusal shows the relay its own words', () => {
    expect(relayErrorMessage(new RelayApiError(400, 'brand-new', 'Something new.'), 'users')).toEqual({ key: 'account.error.other', params: { message: 'Something new.' } });
    expect(relayErrorMessage(new TypeError('boom'), 'users')).toEqual({ key: 'account.error.other', params: { message: 'boom' } });
  });
});

describe('status line phrases', () => {
  const status = (change: Partial<SyncStatus>): SyncStatus => ({ connection: 'connected', pendingChanges: 0, savedOnRelay: true, refused: null, docsToFetch: 0, ...change });

  it('"Saved on the relay" only when the relay covers every local change', () => {
    expect(savingPhrase(status({}), 'en')?.key).toBe('account.status.saved');
    expect(savingPhrase(status({ savedOnRelay: false }), 'en')).toBeNull();
    expect(savingPhrase(status({ pendingChanges: 3, savedOnRelay: false }), 'en')).toEqual({ key: 'account.status.pending.other', params: { count: 3 }, tone: 'wait' });
  });

  it('pending changes win over a stale saved flag', () => {
    expect(savingPhrase(status({ pendingChanges: 1, savedOnRelay: true }), 'en')?.key).toBe('account.status.pending.one');
  });

  it('each connection state has its phrase; fetching shows while documents are still to come', () => {
    expect(connectionPhrase(status({ connection: 'offline' }), 'en').key).toBe('account.status.offline');
    expect(connectionPhrase(status({ connection: 'reconnecting' }), 'en').key).toBe('account.status.reconnecting');
    expect(connectionPhrase(status({ connection: 'connecting' }), 'en').key).toBe('account.status.connecting');
    expect(connectionPhrase(status({ connection: 'signed-out' }), 'en').key).toBe('account.status.signedOut');
    expect(connectionPhrase(status({ connection: 'connecting', docsToFetch: 12 }), 'ru')).toEqual({ key: 'account.status.fetching.many', params: { count: 12 }, tone: 'wait' });
    expect(connectionPhrase(status({ connection: 'offline', docsToFetch: 12 }), 'en').key).toBe('account.status.offline');
  });

  it('a refused write says why by its close code', () => {
    expect(refusalPhrase(status({}))).toBeNull();
    expect(refusalPhrase(status({ refused: { docId: 'book:a:0', code: 4403, reason: 'read-only' } }))?.key).toBe('account.status.refusedReadOnly');
    expect(refusalPhrase(status({ refused: { docId: 'book:a:0', code: 4413, reason: 'too large' } }))?.key).toBe('account.status.refusedTooLarge');
    expect(refusalPhrase(status({ refused: { docId: 'org', code: 4400, reason: 'malformed' } }))).toMatchObject({ key: 'account.status.refusedOther', params: { code: 4400 } });
  });
});
