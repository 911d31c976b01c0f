import { describe, expect, it } from 'vitest';
import { addressKey, createConnectionLimiter } from './connectionLimiter.js';

describe('createConnectionLimiter', () => {
  it('[L3] lets one address open its burst at once, then refuses until tokens refill at the sustained rate', () => {
    const clock = { now: 0 };
    const limiter = createConnectionLimiter({ perSecond: 20, burst: 40, now: () => clock.now });
    for (let i = 0; i < 40; i++) expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
    expect(limiter.take('10.0.0.1')).toEqual({ ok: false, retryAfterS: 1 });
    clock.now = 100; // 2 tokens later
    expect(limiter.take('10.0.0.1').ok).toBe(true);
    expect(limiter.take('10.0.0.1').ok).toBe(true);
    expect(limiter.take('10.0.0.1').ok).toBe(false);
    clock.now = 100 + 2000; // refilled, never beyond the burst
    let opened = 0;
    while (limiter.take('10.0.0.1').ok) opened++;
    expect(opened).toBe(40);
  });

  it('[L3] counts each address on its own: a flood from one does not refuse another', () => {
    const limiter = createConnectionLimiter({ perSecond: 1, burst: 2, now: () => 0 });
    limiter.take('10.0.0.1');
    limiter.take('10.0.0.1');
    expect(limiter.take('10.0.0.1').ok).toBe(false);
    expect(limiter.take('10.0.0.2').ok).toBe(true);
  });

  it('says how many whole seconds until the next connection is allowed', () => {
    const limiter = createConnectionLimiter({ perSecond: 0.25, burst: 1, now: () => 0 });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterS: 4 });
  });

  it('does not mint tokens when the clock steps backwards', () => {
    const clock = { now: 10_000 };
    const limiter = createConnectionLimiter({ perSecond: 10, burst: 1, now: () => clock.now });
    expect(limiter.take('a').ok).toBe(true);
    clock.now = 0;
    expect(limiter.take('a').ok).toBe(false);
  });

  it('tracks a bounded number of addresses, forgetting the least recently seen', () => {
    const limiter = createConnectionLimiter({ perSecond: 1, burst: 1, now: () => 0, maxAddresses: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('a'); // refused, and now the most recently seen
    limiter.take('c'); // evicts b
    expect(limiter.size()).toBe(2);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true); // forgotten: a fresh bucket
  });
});

describe('addressKey', () => {
  it('keys IPv4 as is, also when mapped into IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 by its /64, so one host cannot dodge the limit by rotating addresses', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
