import { onScopeDispose, watch } from 'vue';

/** The time source and timers, injected so tests (and Playwright's clock) drive them. */
export interface IdleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface IdleLockOptions {
  /** The branch's idle-lock minutes, read reactively. */
  minutes: () => number;
  /** Counts only while this holds (a user is logged in and the desk is not already locked). */
  active: () => boolean;
  onIdle: () => void;
  clock?: IdleClock;
  /** Where input is observed; the window by default. */
  target?: Listenable;
}

/** Anything a person at the desk does with keyboard, mouse or touch counts as presence. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function browserClock(): IdleClock {
  return {
    now: () => Date.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}

/**
 * Calls `onIdle` once the desk has seen no input for the branch's idle time. One timer at a time:
 * input only records when it happened (a pointer move is frequent), and the timer, when it fires
 * early, sleeps again for what is left.
 */
export function useIdleLock(options: IdleLockOptions): { touch: () => void } {
  const clock = options.clock ?? browserClock();
  const target: Listenable = options.target ?? window;
  let lastActivity = clock.now();
  let timer: unknown = null;

  const limit = (): number => Math.max(1, options.minutes()) * 60_000;

  function disarm(): void {
    if (timer === null) return;
    clock.clearTimeout(timer);
    timer = null;
  }

  function arm(delay: number): void {
    disarm();
    timer = clock.setTimeout(check, delay);
  }

  function check(): void {
    timer = null;
    if (!options.active()) return;
    const idle = clock.now() - lastActivity;
    if (idle >= limit()) options.onIdle();
    else arm(limit() - idle);
  }

  function touch(): void {
    lastActivity = clock.now();
    if (timer === null && options.active()) arm(limit());
  }

  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, touch, { capture: true, passive: true });

  const stop = watch(
    [options.active, options.minutes],
    ([active]) => {
      disarm();
      if (!active) return;
      lastActivity = clock.now();
      arm(limit());
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    stop();
    disarm();
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, touch, { capture: true });
  });

  return { touch };
}
