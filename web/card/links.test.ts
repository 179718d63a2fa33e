import { describe, expect, it } from 'vitest';
import { accountHref, emailHref, isEmailAddress, phoneHref, webHref } from './links';

describe('card links: phone values open the dialer', () => {
  it('keeps the leading + and drops the formatting', () => {
    expect(phoneHref('+40 (722) 000-111')).toBe('tel:+40722000111');
  });
  it('a local number stays local', () => {
    expect(phoneHref('0722 000 111')).toBe('tel:0722000111');
  });
  it('a value without digits is no link', () => {
    expect(phoneHref('ask the secretary')).toBeNull();
  });
});

describe('card links: e-mail values open the mail program', () => {
  it('builds mailto: from a trimmed address', () => {
    expect(emailHref('  ana@example.ro ')).toBe('mailto:ana@example.ro');
  });
  it('recognizes addresses and rejects what is not one', () => {
    expect(isEmailAddress('ivan.petrov@mail.ru')).toBe(true);
    expect(isEmailAddress('ivan.petrov@mail')).toBe(false);
    expect(isEmailAddress('ivan petrov@mail.ru')).toBe(false);
    expect(isEmailAddress('two@a.com, three@b.com')).toBe(false);
    expect(emailHref('not an address')).toBeNull();
  });
});

describe('card links: web addresses', () => {
  it('adds https:// when the scheme is missing', () => {
    expect(webHref('example.com')).toBe('https://example.com/');
    expect(webHref('www.firma.ro/contact')).toBe('https://www.firma.ro/contact');
  });
  it('keeps http and https as typed', () => {
    expect(webHref('http://old.example.com/a?b=1')).toBe('http://old.example.com/a?b=1');
  });
  it('never turns another scheme into a live link', () => {
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref('data:text/html,hi')).toBeNull();
  });
  it('rejects text that is not an address', () => {
    expect(webHref('just words')).toBeNull();
    expect(webHref('nodot')).toBeNull();
  });
});

describe('card links: messengers and social accounts', () => {
  it('Telegram: a handle with or without @ opens t.me', () => {
    expect(accountHref('telegram', '@ivan_petrov')).toBe('https://t.me/ivan_petrov');
    expect(accountHref('telegram', 'ivan_petrov')).toBe('https://t.me/ivan_petrov');
  });
  it('Telegram: a phone number opens t.me/+digits', () => {
    expect(accountHref('telegram', '+7 916 123-45-67')).toBe('https://t.me/+79161234567');
  });
  it('WhatsApp opens wa.me with the digits only', () => {
    expect(accountHref('whatsapp', '+34 600 11 22 33')).toBe('https://wa.me/34600112233');
  });
  it('Viber opens a chat with the number', () => {
    expect(accountHref('viber', '+373 69 123 456')).toBe('viber://chat?number=%2B37369123456');
  });
  it('Skype calls the account name', () => {
    expect(accountHref('skype', 'ana.popescu')).toBe('skype:ana.popescu?call');
  });
  it('social networks open the profile page', () => {
    expect(accountHref('facebook', 'ana.popescu')).toBe('https://www.facebook.com/ana.popescu');
    expect(accountHref('instagram', '@ana')).toBe('https://www.instagram.com/ana');
    expect(accountHref('linkedin', 'ana-popescu')).toBe('https://www.linkedin.com/in/ana-popescu');
    expect(accountHref('vk', 'id123')).toBe('https://vk.com/id123');
    expect(accountHref('x', '@ana')).toBe('https://x.com/ana');
    expect(accountHref('signal', '+40 722 000 111')).toBe('https://signal.me/#p/+40722000111');
  });
  it('a full profile URL is used as it is', () => {
    expect(accountHref('facebook', 'https://facebook.com/some.page')).toBe('https://facebook.com/some.page');
    expect(accountHref('telegram', 't.me/channel_x')).toBe('https://t.me/channel_x');
  });
  it('a name is escaped so it cannot change the link', () => {
    expect(accountHref('x', 'a/b?c')).toBe('https://x.com/a%2Fb%3Fc');
  });
  it('a number-only messenger without digits gives no link', () => {
    expect(accountHref('whatsapp', 'ana')).toBeNull();
    expect(accountHref('viber', '')).toBeNull();
  });
});
