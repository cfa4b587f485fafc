import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/index';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { startTestHeadoffice } from '../../headoffice/testing';
import { createCore } from '../../electron/core/core';

// The harness's cut-response fault on its own: head office answered 200, and the line broke
// halfway through the body. That is the line being down, and the desk should say it is offline,
// not that head office refused it.

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A fetch that cuts the next answer to /sync/push halfway through its body. */
function cuttingNextPushAnswer(): typeof fetch {
  let cut = false;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (cut || !String(input).endsWith('/sync/push')) return response;
    cut = true;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, bytes.length >> 1));
        controller.error(new TypeError('terminated'));
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

describe('an answer cut halfway through its body', () => {
  it('is reported as offline, not as a refusal', async () => {
    const ho = await startTestHeadoffice('sqlite');
    const url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => ho.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'serambi-cut-'));
    const core = await createCore({ dataDir, passwordCost: 10, log: () => {}, fetch: cuttingNextPushAnswer() });
    cleanup.push(async () => {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>, token: string | null = null): Promise<MethodOutput<M>> => {
      const answer = await core.dispatch({ method, input, token, transport: 'cli' });
      if (!answer.ok) throw ApiError.from(answer.error);
      return answer.result as MethodOutput<M>;
    };
    await call('sync.enroll', { headofficeUrl: url, code: await createEnrollCode(ho.ctx.db, 'JKT01', Date.now()) });

    const error = await core.sync.syncOnce().then(() => null, (e: unknown) => e as ApiError);
    // Today: `sync.error.refused` with code `bad_response`, and sync.status says online.
    expect(error?.key).toBe('sync.error.offline');
    await expect(core.sync.syncOnce()).resolves.toMatchObject({ pending: 0 });
  });
});
