import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrollCode } from '../devices/devices';
import { DIALECTS, eventChain, startTestHeadoffice } from '../testing';

const user = (name: string) => ({ id: randomUUID(), username: name, displayName: name, roles: ['cs'], passwordHash: 'scrypt$x', locale: 'id' });

describe.each(DIALECTS)('push and pull on %s', (dialect) => {
  let ho: Awaited<ReturnType<typeof startTestHeadoffice>>;
  let desk: Awaited<ReturnType<typeof ho.enroll>>;
  let chain: ReturnType<typeof eventChain>;
  const push = (events: unknown[], auth = desk.auth, epoch = desk.epoch) =>
    ho.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: auth }, payload: { epoch, events } });
  const pull = (deskAuth: string, cursor = 0) =>
    ho.app.inject({ method: 'POST', url: '/sync/pull', headers: { authorization: deskAuth }, payload: { epoch: desk.epoch, cursor } });

  beforeEach(async () => {
    ho = await startTestHeadoffice(dialect);
    desk = await ho.enroll('JKT01');
    chain = eventChain(desk.deviceId);
  });
  afterEach(() => ho.close());

  it('accepts a batch, answers a replay with the stored results, and moves the mark', async () => {
    const events = [chain.next('user.created', user('siti')), chain.next('user.localeSet', { id: 'x', locale: 'en' })];
    const first = await push(events);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ highWaterMark: 2, results: [{ status: 'accepted' }, { status: 'accepted' }] });
    const replay = await push(events);
    expect(replay.json()).toMatchObject({ highWaterMark: 2, results: [{ status: 'duplicate' }, { status: 'duplicate' }] });
  });

  it('refuses a sequence gap whole, applying nothing', async () => {
    chain.next('user.localeSet', { id: 'x', locale: 'en' });
    const second = chain.next('user.localeSet', { id: 'x', locale: 'id' });
    const response = await push([second]);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: 'sequence_gap', highWaterMark: 0 } });
  });

  it('rejects a payload that fails its schema, and the queue moves on', async () => {
    const bad = chain.next('user.created', { username: 'tanpa-id' });
    const good = chain.next('user.localeSet', { id: 'x', locale: 'en' });
    const response = await push([bad, good]);
    expect(response.json()).toMatchObject({
      highWaterMark: 2,
      results: [{ status: 'rejected', reason: 'schema' }, { status: 'accepted' }],
    });
    // The rejection is remembered: the same event again gets the same answer.
    expect((await push([bad])).json().results[0]).toMatchObject({ status: 'rejected', reason: 'schema' });
  });

  it('refuses a replay that carries a different payload, and does not apply it', async () => {
    const original = chain.next('user.created', user('siti'));
    await push([original]);
    const forged = { ...original, payload: JSON.stringify(user('mallory')) };
    expect((await push([forged])).json().results[0]).toMatchObject({ status: 'rejected', reason: 'replay_mismatch' });
    const other = await ho.enroll('JKT01');
    const seen = (await pull(other.auth)).json();
    expect(seen.events.map((e: { payload: string }) => JSON.parse(e.payload).username)).toEqual(['siti']);
  });

  it('rejects an event whose hash does not match its content', async () => {
    const event = chain.next('user.localeSet', { id: 'x', locale: 'en' });
    const response = await push([{ ...event, payload: JSON.stringify({ id: 'x', locale: 'id' }) }]);
    expect(response.json().results[0]).toMatchObject({ status: 'rejected', reason: 'bad_hash' });
  });

  it('rejects an event type it does not know', async () => {
    expect((await push([chain.next('ledger.wipe', {})])).json().results[0]).toMatchObject({ status: 'rejected', reason: 'unknown_type' });
  });

  it('refuses a wrong secret, an unknown device and a revoked one', async () => {
    expect((await push([chain.next('user.localeSet', { id: 'x', locale: 'en' })], `Bearer ${desk.deviceId}.${'x'.repeat(43)}`)).statusCode).toBe(401);
    expect((await push([chain.next('user.localeSet', { id: 'x', locale: 'en' })], 'Bearer nonsense')).statusCode).toBe(401);
    const revoked = await ho.app.inject({
      method: 'POST',
      url: `/admin/api/devices/${desk.deviceId}/revoke`,
      headers: { authorization: 'Bearer admin-token-for-tests-0123456789' },
    });
    expect(revoked.json()).toEqual({ revoked: true });
    const refused = await push([chain.next('user.localeSet', { id: 'x', locale: 'en' })]);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ error: { code: 'device_revoked' } });
  });

  it('refuses a head office of another epoch', async () => {
    const response = await push([chain.next('user.localeSet', { id: 'x', locale: 'en' })], desk.auth, randomUUID());
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'epoch_mismatch', epoch: desk.epoch });
  });

  it('says epoch_mismatch before checking a secret it may no longer know (a reset head office)', async () => {
    const response = await ho.app.inject({
      method: 'POST',
      url: '/sync/pull',
      headers: { authorization: `Bearer ${randomUUID()}.${'x'.repeat(43)}` },
      payload: { epoch: randomUUID(), cursor: 0 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'epoch_mismatch', epoch: desk.epoch });
  });

  it('gives a fresh secret to the same desk asking again with its spent code, until the desk has been seen', async () => {
    const code = await createEnrollCode(ho.ctx.db, 'JKT01', Date.now());
    const deviceId = randomUUID();
    const enroll = (id: string) => ho.app.inject({ method: 'POST', url: '/sync/enroll', payload: { code, deviceId: id, branchCode: null } });
    const first = (await enroll(deviceId)).json();
    const second = await enroll(deviceId);
    expect(second.statusCode).toBe(200);
    expect(second.json().deviceSecret).not.toBe(first.deviceSecret);
    // Only the newest secret works; another device cannot spend the code.
    expect((await pull(`Bearer ${deviceId}.${first.deviceSecret}`)).statusCode).toBe(401);
    expect((await enroll(randomUUID())).json()).toEqual({ error: { code: 'invalid_code' } });
    expect((await pull(`Bearer ${deviceId}.${second.json().deviceSecret}`)).statusCode).toBe(200);
    // Once the desk has spoken with its secret, the code cannot hand out another.
    expect((await enroll(deviceId)).json()).toEqual({ error: { code: 'invalid_code' } });
  });

  it('rejects a user name already taken in the branch, as a conflict', async () => {
    const other = await ho.enroll('JKT01');
    const otherChain = eventChain(other.deviceId);
    await push([otherChain.next('user.created', user('siti'))], other.auth);
    expect((await push([chain.next('user.created', user('siti'))])).json().results[0]).toMatchObject({
      status: 'rejected',
      reason: 'conflict',
      detail: 'sync.rejected.usernameTaken',
    });
  });

  it('pulls other devices of the branch and head office events, never another branch or its own', async () => {
    await push([chain.next('user.created', user('siti'))]);
    const sameBranch = await ho.enroll('JKT01');
    const otherBranch = await ho.enroll('BDG01');
    await push([eventChain(otherBranch.deviceId).next('user.created', user('asep'))], otherBranch.auth);
    const admin = await ho.app.inject({
      method: 'POST',
      url: '/admin/api/users',
      headers: { authorization: 'Bearer admin-token-for-tests-0123456789' },
      payload: { username: 'auditor', displayName: 'Auditor Pusat', roles: ['kacab'], password: 'pusat-sandi-1', branch: null },
    });
    expect(admin.statusCode).toBe(200);
    const seen = (await pull(sameBranch.auth)).json();
    expect(seen.events.map((e: { payload: string }) => JSON.parse(e.payload).username)).toEqual(['siti', 'auditor']);
    const own = (await pull(desk.auth)).json();
    expect(own.events.map((e: { payload: string }) => JSON.parse(e.payload).username)).toEqual(['auditor']);
    expect(own.highWaterMark).toBe(1);
    const after = (await pull(sameBranch.auth, seen.nextCursor)).json();
    expect(after.events).toEqual([]);
    expect(after.nextCursor).toBe(seen.nextCursor);
  });
});
