import { describe, expect, it } from 'vitest';
import type { HostCall, HostRequest } from '../../electron/core/host-protocol';
import { HostClient } from '../../electron/shell/host-client';
import { UNAVAILABLE } from '../../electron/shell/invoke-contract';

function setup() {
  const posted: HostRequest[] = [];
  const client = new HostClient((message) => posted.push(message));
  const calls = () => posted.filter((m): m is HostCall => m.kind === 'call');
  return { client, posted, calls };
}

describe('HostClient', () => {
  it('holds calls until the core is ready, then sends them in order', async () => {
    const { client, calls } = setup();
    const first = client.call('auth.session', {}, null);
    const second = client.call('settings.get', { key: 'x' }, 'tok');
    expect(calls()).toEqual([]);

    client.receive({ kind: 'ready', deviceId: 'dev-1' });
    expect(calls()).toEqual([
      { kind: 'call', id: 1, method: 'auth.session', input: {}, token: null, transport: 'ipc' },
      { kind: 'call', id: 2, method: 'settings.get', input: { key: 'x' }, token: 'tok', transport: 'ipc' },
    ]);

    client.receive({ kind: 'result', id: 2, ok: true, result: 'two' });
    client.receive({ kind: 'result', id: 1, ok: false, error: { code: 'unauthenticated', key: 'errors.unauthenticated' } });
    await expect(second).resolves.toEqual({ ok: true, result: 'two' });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'unauthenticated', key: 'errors.unauthenticated' } });
    expect(client.outstanding).toBe(0);
  });

  it('sends at once when ready', () => {
    const { client, calls } = setup();
    client.receive({ kind: 'ready', deviceId: null });
    void client.call('auth.session', {}, null);
    expect(calls()).toHaveLength(1);
  });

  it('ignores answers it did not ask for and messages that are not host events', async () => {
    const { client } = setup();
    client.receive({ kind: 'ready', deviceId: null });
    const pending = client.call('auth.session', {}, null);
    for (const junk of [null, 42, 'ready', { kind: 'result', id: 99, ok: true, result: 1 }, { kind: 'result', id: '1', ok: true }, { kind: 'nope' }, { kind: 'result', id: 1, ok: false, error: 'boom' }]) {
      client.receive(junk);
    }
    expect(client.outstanding).toBe(1);
    client.receive({ kind: 'result', id: 1, ok: true, result: 'ok' });
    await expect(pending).resolves.toEqual({ ok: true, result: 'ok' });
  });

  it('answers every call with the fatal error when the core cannot start', async () => {
    const { client, calls } = setup();
    const waiting = client.call('auth.session', {}, null);
    const fatal = { code: 'internal' as const, key: 'errors.ledgerTooNew' };
    client.receive({ kind: 'fatal', error: fatal });
    await expect(waiting).resolves.toEqual({ ok: false, error: fatal });
    await expect(client.call('auth.login', {}, null)).resolves.toEqual({ ok: false, error: fatal });
    expect(client.state).toBe('failed');
    expect(client.fatal).toEqual(fatal);
    expect(calls()).toEqual([]);
  });

  it('fails what is in flight as unavailable when the process goes', async () => {
    const { client } = setup();
    client.receive({ kind: 'ready', deviceId: null });
    const inFlight = client.call('statement.import', {}, 'tok');
    client.disconnect();
    await expect(inFlight).resolves.toEqual({ ok: false, error: UNAVAILABLE });
    await expect(client.call('auth.session', {}, null)).resolves.toEqual({ ok: false, error: UNAVAILABLE });
    expect(client.state).toBe('closed');
  });

  it('treats the host closing its ledger like a disconnect', async () => {
    const { client } = setup();
    client.receive({ kind: 'ready', deviceId: null });
    const inFlight = client.call('sync.run', {}, 'tok');
    client.receive({ kind: 'closed' });
    await expect(inFlight).resolves.toEqual({ ok: false, error: UNAVAILABLE });
  });
});
