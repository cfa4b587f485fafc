import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useIdleLock, type IdleClock } from './useIdleLock';

/** A hand-driven clock: `advance` moves time and fires what fell due, in order. */
function fakeClock(): IdleClock & { advance(ms: number): void; pending(): number } {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

function setup(minutes = 1) {
  const clock = fakeClock();
  const target = new EventTarget();
  const active = ref(true);
  const idleMinutes = ref(minutes);
  let idleCalls = 0;
  const scope = effectScope();
  scope.run(() =>
    useIdleLock({
      minutes: () => idleMinutes.value,
      active: () => active.value,
      onIdle: () => {
        idleCalls += 1;
        active.value = false;
      },
      clock,
      target,
    }),
  );
  return { clock, target, active, idleMinutes, scope, idle: () => idleCalls };
}

describe('useIdleLock', () => {
  it('locks after the idle time without input', () => {
    const t = setup(1);
    t.clock.advance(59_999);
    expect(t.idle()).toBe(0);
    t.clock.advance(1);
    expect(t.idle()).toBe(1);
  });

  it('input postpones the lock by the full idle time', () => {
    const t = setup(1);
    t.clock.advance(50_000);
    t.target.dispatchEvent(new Event('keydown'));
    t.clock.advance(50_000);
    expect(t.idle()).toBe(0);
    t.clock.advance(10_000);
    expect(t.idle()).toBe(1);
  });

  it('does not count while inactive, and starts afresh when active again', async () => {
    const t = setup(1);
    t.active.value = false;
    await nextTick();
    t.clock.advance(120_000);
    expect(t.idle()).toBe(0);
    t.active.value = true;
    await nextTick();
    t.clock.advance(59_000);
    expect(t.idle()).toBe(0);
    t.clock.advance(1_000);
    expect(t.idle()).toBe(1);
  });

  it('follows a change of the branch setting', async () => {
    const t = setup(5);
    t.idleMinutes.value = 1;
    await nextTick();
    t.clock.advance(60_000);
    expect(t.idle()).toBe(1);
  });

  it('leaves no timer and no listener behind when its scope ends', () => {
    const t = setup(1);
    t.scope.stop();
    expect(t.clock.pending()).toBe(0);
    t.target.dispatchEvent(new Event('pointerdown'));
    t.clock.advance(600_000);
    expect(t.idle()).toBe(0);
    expect(t.clock.pending()).toBe(0);
  });
});
