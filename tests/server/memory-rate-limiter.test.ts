/**
 * The in-process rate limiter: exact budgets and Retry-After, O(1) work per request however hard
 * one client pushes, and bounded memory under 100k distinct clients, with idle ones forgotten.
 */
import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../src/server/memory-rate-limiter.ts';

/**
 * How much longer ten times the work takes than the work itself: about 10 when each unit costs the same, about 100 when
 * each costs as much as all before it. The best of three runs of each, after a warm-up, so a pause of the machine or the
 * collector in one run does not decide.
 */
function growthOfWork(run: (units: number) => void, units: number): number {
  const best = (count: number) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      run(count);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  run(units);
  return best(10 * units) / Math.max(best(units), 0.01);
}

/** Ten times the units at constant cost per unit is ~10 times the time; this leaves room for noise and stays far below 100. */
const maximumLinearGrowth = 30;

function clock(start = 0) {
  const time = { now: start };
  return { time, now: () => time.now };
}

describe('MemoryRateLimiter budget', () => {
  it('allows a burst of `limit`, refuses the next with an exact Retry-After, then refills steadily', async () => {
    const { time, now } = clock();
    const limiter = new MemoryRateLimiter(3, { windowMs: 60_000, now });
    for (let i = 0; i < 3; i += 1) expect(await limiter.consume('a')).toEqual({ allowed: true });
    // One request's worth (60 s ÷ 3) must come back before the next is allowed.
    expect(await limiter.consume('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.now = 5_000;
    expect(await limiter.consume('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(await limiter.consume('b'), 'another client has its own budget').toEqual({ allowed: true });
    time.now = 20_000;
    expect(await limiter.consume('a')).toEqual({ allowed: true });
    expect(await limiter.consume('a')).toMatchObject({ allowed: false });
    time.now = 20_000 + 60_000;
    for (let i = 0; i < 3; i += 1) expect(await limiter.consume('a'), 'a full window later the whole burst is back').toEqual({ allowed: true });
  });

  it('never exceeds a burst of `limit` plus one request per window ÷ limit, however requests are timed', async () => {
    const { time, now } = clock();
    const limit = 10;
    const intervalMs = 1_000 / limit;
    const limiter = new MemoryRateLimiter(limit, { windowMs: 1_000, now });
    const allowedAt: number[] = [];
    for (let step = 0; step < 5_000; step += 1) {
      time.now += (step * 7919) % 13;
      if ((await limiter.consume('k')).allowed) allowedAt.push(time.now);
    }
    // Requests i and i+m, both allowed, are at least (m + 1 - limit) intervals apart.
    for (let m = limit; m <= 3 * limit; m += 1) {
      for (let i = 0; i + m < allowedAt.length; i += 1) {
        expect(allowedAt[i + m]! - allowedAt[i]!, `requests ${i}..${i + m}`).toBeGreaterThanOrEqual((m + 1 - limit) * intervalMs);
      }
    }
    // And it is not stingier than that: over the run, the steady rate is the budget.
    expect(allowedAt.length).toBeGreaterThan((time.now / 1_000) * limit * 0.95);
  });

  it('peek answers like a request would without spending the budget', () => {
    const { now } = clock();
    const limiter = new MemoryRateLimiter(1, { now });
    expect(limiter.peek('a')).toEqual({ allowed: true });
    expect(limiter.peek('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.peek('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
});

describe('MemoryRateLimiter cost', () => {
  it('spends constant time per request on a client that has sent 200k requests in one window', () => {
    // A high budget so nothing is refused: the old timestamp list grew to 200k entries and was copied on every request
    // (about 2·10^10 element copies here). Ten times the requests cost about ten times the time when each costs the same,
    // a hundred times when each costs as much as the requests before it; a ratio, not a wall-clock bound, so a loaded
    // machine slows both runs alike.
    const hotClient = (requests: number) => {
      const limiter = new MemoryRateLimiter(1_000_000, { windowMs: 60_000 });
      for (let i = 0; i < requests; i += 1) limiter.take('hot');
    };
    expect(growthOfWork(hotClient, 20_000), 'time for 200k requests over time for 20k').toBeLessThan(maximumLinearGrowth);
  });

  it('stays within maxClients under 100k distinct clients and forgets the idle ones', () => {
    const { time, now } = clock(1_000);
    const limiter = new MemoryRateLimiter(5, { windowMs: 60_000, maxClients: 20_000, now });
    for (let i = 0; i < 100_000; i += 1) {
      time.now += 1;
      if (!limiter.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`).allowed) throw new Error(`client ${i} refused on its first request`);
      if (limiter.size > 20_000) throw new Error(`remembers ${limiter.size} clients`);
    }
    // Each new client costs the same however many were seen before: past maxClients every request forgets one, and that
    // stays a constant, not a scan of all the clients seen. Both runs are past the cap, so both pay for forgetting.
    const distinctClients = (clients: number) => {
      const { time: own, now: ownNow } = clock(1_000);
      const fresh = new MemoryRateLimiter(5, { windowMs: 60_000, maxClients: 1_000, now: ownNow });
      for (let i = 0; i < clients; i += 1) {
        own.now += 1;
        fresh.take(`c${i}`);
      }
    };
    expect(growthOfWork(distinctClients, 20_000), 'time for 200k clients over time for 20k').toBeLessThan(maximumLinearGrowth);
    // The most recent clients are still limited: their budgets were not thrown away.
    for (let spent = 1; spent < 5; spent += 1) limiter.take('10.1.134.159');
    expect(limiter.take('10.1.134.159')).toMatchObject({ allowed: false });

    // Once everyone is idle for a window, steady traffic from two clients drains the rest.
    time.now += 60_000 + 1;
    for (let i = 0; i < 15_000; i += 1) {
      time.now += 10;
      limiter.take(i % 2 === 0 ? 'x' : 'y');
    }
    expect(limiter.size).toBeLessThanOrEqual(2);
  });
});
