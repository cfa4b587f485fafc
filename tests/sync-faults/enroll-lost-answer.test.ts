import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/index';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { startTestHeadoffice } from '../../headoffice/testing';
import { createCore, type Core } from '../../electron/core/core';

// The one request the fault harness sends past its faults: enrollment. Its answer can be lost like
// any other (the line drops after head office committed, or the desk is killed before it stored
// the secret). A desk that then tries again must still be able to join; "sync that loses nothing"
// has no use for a desk that can never sync.

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A fetch whose first answer to /sync/enroll is lost after head office handled the request. */
function losingFirstEnrollAnswer(): typeof fetch {
  let lost = false;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!lost && String(input).endsWith('/sync/enroll')) {
      lost = true;
      await response.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return response;
  };
}

describe('enrollment whose answer was lost', () => {
  it('lets the desk join when it tries the same code again, and sync', async () => {
    const ho = await startTestHeadoffice('sqlite');
    const url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => ho.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'serambi-enroll-'));
    const core: Core = await createCore({ dataDir, passwordCost: 10, log: () => {}, fetch: losingFirstEnrollAnswer() });
    cleanup.push(async () => {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const answer = await core.dispatch({ method, input, token: null, transport: 'cli' });
      if (!answer.ok) throw ApiError.from(answer.error);
      return answer.result as MethodOutput<M>;
    };

    const code = await createEnrollCode(ho.ctx.db, 'JKT01', Date.now());
    await expect(call('sync.enroll', { headofficeUrl: url, code })).rejects.toMatchObject({ key: 'sync.error.offline' });
    // Head office has the device by now; the desk has nothing and asks again with its code.
    // Today head office answers `invalid_code` (the code is spent), and a fresh code gets
    // `already_enrolled`: the desk can never join.
    await expect(call('sync.enroll', { headofficeUrl: url, code })).resolves.toEqual({ branchCode: 'JKT01' });
    expect(await core.sync.syncOnce()).toMatchObject({ pending: 0 });
  });
});
