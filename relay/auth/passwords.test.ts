/** Password hashing and the login failure limiter. */
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { FailureLimiter } from './rate-limit';

describe('passwords', () => {
  it('verifies the right password only, with a salted scrypt hash', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct hors', hash)).toBe(false);
    expect(await hashPassword('correct horse')).not.toBe(hash);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('refuses passwords shorter than 8 characters', () => {
    expect(passwordProblem('1234567')).toContain('8');
    expect(passwordProblem('12345678')).toBeNull();
  });
});

describe('FailureLimiter', () => {
  it('refuses after the limit inside the window and forgets failures after it', () => {
    let now = 0;
    const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('ann')).toBe(0);
      limiter.fail('ann');
      now += 100;
    }
    expect(limiter.retryAfterMs('ann')).toBe(700);
    expect(limiter.retryAfterMs('bob')).toBe(0);
    now = 1001;
    expect(limiter.retryAfterMs('ann')).toBe(0);
  });
});
