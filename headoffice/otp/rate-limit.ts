/**
 * A sliding-window limiter kept in memory. It is not what stops guessing: the five-wrong-codes
 * void is in the database and holds across processes and restarts. This only slows one client
 * (an IP, or everyone trying one phone number) and keeps floods of unknown links away from the
 * database; a restart that forgets it, or several head-office processes each keeping their own,
 * loosens it at most by that factor, which is why it does not need a table.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** Counts a try for `key`; when over the limit, how long until the oldest try leaves the window. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clock();
    if (++this.calls % 1000 === 0) this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true };
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
  }
}
