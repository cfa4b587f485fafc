import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventChain } from '../../headoffice/testing';
import { projectors } from '../../electron/core/handlers';
import { startTestCore, type TestCore } from '../../electron/core/testing';
import { applyPulled } from '../../electron/core/sync/apply';
import { saveEnrollment } from '../../electron/core/sync/state';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
  saveEnrollment(t.core.db, { headofficeUrl: 'http://127.0.0.1:9', deviceSecret: 's', branchCode: 'JKT01', epoch: 'e', at: 0 });
});
afterEach(() => t.close());

const user = (username: string) => ({ id: randomUUID(), username, displayName: username, roles: ['cs'], passwordHash: 'scrypt$x', locale: 'id' });
const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;

describe('applying a pulled batch', () => {
  it('applies every event once, sets aside one that cannot apply, and moves the cursor', () => {
    const chain = eventChain(randomUUID());
    const events = [
      chain.next('user.created', user('ani')),
      chain.next('user.created', user('admin')), // clashes with this desk's own admin
      chain.next('user.created', user('beni')),
    ].map((e, i) => ({ ...e, cursor: i + 1 }));
    expect(applyPulled(t.core.db, projectors, events, 3, 0)).toEqual({ applied: 2, skipped: 0, failed: 1 });
    expect(count(`SELECT count(*) AS n FROM users WHERE username IN ('ani', 'beni')`)).toBe(2);
    expect(count(`SELECT count(*) AS n FROM sync_conflicts WHERE kind = 'apply_failed'`)).toBe(1);
    expect(count(`SELECT pull_cursor AS n FROM sync_state`)).toBe(3);
    // The same batch again changes nothing.
    expect(applyPulled(t.core.db, projectors, events, 3, 0)).toEqual({ applied: 0, skipped: 3, failed: 0 });
  });

  it('refuses an event whose hash does not match its content', () => {
    const chain = eventChain(randomUUID());
    const event = { ...chain.next('user.created', user('ani')), cursor: 1 };
    const forged = { ...event, payload: JSON.stringify(user('mallory')) };
    expect(applyPulled(t.core.db, projectors, [forged], 1, 0)).toEqual({ applied: 0, skipped: 0, failed: 1 });
    expect(count(`SELECT count(*) AS n FROM users WHERE username = 'mallory'`)).toBe(0);
  });

  it('skips an event it already has, even a copy that no longer matches its hash', () => {
    const chain = eventChain(randomUUID());
    const event = { ...chain.next('user.created', user('ani')), cursor: 1 };
    expect(applyPulled(t.core.db, projectors, [event], 1, 0)).toEqual({ applied: 1, skipped: 0, failed: 0 });
    const forged = { ...event, payload: JSON.stringify(user('mallory')) };
    expect(applyPulled(t.core.db, projectors, [forged, event], 1, 0)).toEqual({ applied: 0, skipped: 2, failed: 0 });
    expect(count(`SELECT count(*) AS n FROM sync_conflicts`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM journal WHERE event_id = '${event.eventId}'`)).toBe(1);
  });
});
