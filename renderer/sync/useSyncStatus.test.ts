import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { BUSY_POLL_MS, POLL_MS, useSyncStatus, type PollTimer } from './useSyncStatus';

/** A hand-driven timer: `advance` moves time and fires what fell due, in order. */
function fakeTimer(): PollTimer & { advance(ms: number): Promise<void>; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        // Let the read that just started answer, and the next one be planned.
        await flush();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await nextTick();
};

function setup(options: { active?: boolean; slow?: boolean } = {}) {
  const timer = fakeTimer();
  const active = ref(options.active ?? true);
  const busy = ref(false);
  let reads = 0;
  let answer: (() => void) | null = null;
  const refresh = () => {
    reads += 1;
    if (!options.slow) return Promise.resolve();
    return new Promise<void>((resolve) => {
      answer = resolve;
    });
  };
  const scope = effectScope();
  scope.run(() => useSyncStatus({ refresh, active: () => active.value, busy: () => busy.value, timer }));
  return {
    timer,
    active,
    busy,
    scope,
    reads: () => reads,
    answer: () => {
      answer?.();
      answer = null;
    },
  };
}

describe('useSyncStatus', () => {
  it('reads at once, without waiting, then every few seconds', async () => {
    const { timer, reads, scope } = setup();
    expect(reads()).toBe(1);
    await flush();
    await timer.advance(POLL_MS - 1);
    expect(reads()).toBe(1);
    await timer.advance(1);
    expect(reads()).toBe(2);
    await timer.advance(POLL_MS * 3);
    expect(reads()).toBe(5);
    scope.stop();
  });

  it('stops when disposed: no timer is left behind', async () => {
    const { timer, reads, scope } = setup();
    await flush();
    expect(timer.pending()).toBe(1);
    scope.stop();
    expect(timer.pending()).toBe(0);
    await timer.advance(POLL_MS * 10);
    expect(reads()).toBe(1);
  });

  it('reads only while someone is logged in, and at once when they log in', async () => {
    const { timer, reads, active, scope } = setup({ active: false });
    await timer.advance(POLL_MS * 3);
    expect(reads()).toBe(0);
    active.value = true;
    await flush();
    expect(reads()).toBe(1);
    active.value = false;
    await flush();
    expect(timer.pending()).toBe(0);
    await timer.advance(POLL_MS * 3);
    expect(reads()).toBe(1);
    scope.stop();
  });

  it('follows a running round closely, then slows down again', async () => {
    const { timer, reads, busy, scope } = setup();
    await flush();
    busy.value = true;
    await flush();
    await timer.advance(BUSY_POLL_MS * 3);
    expect(reads()).toBe(4);
    busy.value = false;
    await timer.advance(BUSY_POLL_MS);
    const after = reads();
    await timer.advance(POLL_MS - 1);
    expect(reads()).toBe(after);
    scope.stop();
  });

  it('never piles reads up behind a slow core', async () => {
    const { timer, reads, answer, scope } = setup({ slow: true });
    expect(reads()).toBe(1);
    await timer.advance(POLL_MS * 5);
    expect(reads()).toBe(1);
    answer();
    await flush();
    await timer.advance(POLL_MS);
    expect(reads()).toBe(2);
    scope.stop();
  });

  it('keeps polling after a failed read', async () => {
    const timer = fakeTimer();
    let reads = 0;
    const scope = effectScope();
    scope.run(() =>
      useSyncStatus({
        refresh: () => {
          reads += 1;
          return Promise.reject(new Error('core gone'));
        },
        active: () => true,
        timer,
      }),
    );
    await flush();
    await timer.advance(POLL_MS * 2);
    expect(reads).toBe(3);
    scope.stop();
  });
});
