// The shape of head office's senders (OTP codes, invoice notices): one run at a time, started by a
// kick (after a push, or by a test) or by a poll. A kick while a run waits to start joins it; a kick
// while one is running starts another after it, so whatever the kick was for is seen.

export interface SerialLoop {
  /** Runs now; resolves when a run that started after this call has finished. */
  kick(): Promise<void>;
  /** Stops polling and waits for the run in progress. */
  dispose(): Promise<void>;
}

/** `run(true)` for a kick, `run(false)` for a poll; an error is logged and the loop goes on. */
export function serialLoop(run: (kicked: boolean) => Promise<void>, pollMs: number, log: (error: unknown) => void): SerialLoop {
  let tail: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  let closed = false;
  const start = (kicked: boolean): Promise<void> => {
    if (closed) return Promise.resolve();
    if (next) return next;
    const started = tail
      .then(async () => {
        next = null;
        if (!closed) await run(kicked);
      })
      .catch(log);
    next = started;
    tail = started;
    return started;
  };
  const timer = pollMs > 0 ? setInterval(() => void start(false), pollMs) : null;
  timer?.unref();
  return {
    kick: () => start(true),
    async dispose() {
      closed = true;
      if (timer) clearInterval(timer);
      await tail;
    },
  };
}
