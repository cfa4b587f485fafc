import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledEvent } from '../../../shared/sync/protocol';
import { projectors } from '../handlers';
import { applyPulled } from '../sync/apply';
import { asPulled, journalRowsAfter } from '../testing';
import { startOtpDesk, type OtpDesk } from './testing';

// Two desks of one branch: what one records, the other rebuilds from its events alone.
let a: OtpDesk;
let b: OtpDesk;
beforeAll(async () => {
  [a, b] = await Promise.all([startOtpDesk(), startOtpDesk()]);
});
afterAll(async () => {
  await a.close();
  await b.close();
});


/** Desk A's OTP events after `afterSeq`, as a pull from head office would bring them. */
const otpEventsOf = (desk: OtpDesk, afterSeq = 0): PulledEvent[] => journalRowsAfter(desk.core, 'otp.', afterSeq).map(asPulled);
const rows = (desk: OtpDesk) => desk.core.db.prepare(`SELECT * FROM otp_applications ORDER BY id`).all();
const lastSeq = (desk: OtpDesk) => (desk.core.db.prepare(`SELECT max(seq) AS n FROM journal`).get() as { n: number }).n;

describe('otp projections', () => {
  it('give another desk the same applications from the events alone', async () => {
    for (const status of ['Draft', 'Waiting Kasie', 'Waiting Kacab', 'Waiting Confirmation', 'Rejected', 'Cancelled'] as const) {
      await a.applicationAt(status, { customerName: `Nasabah ${status}`, phone2: '0811-2222-3333', email: 'nasabah@contoh.co.id' });
      a.clock.advance(60_000);
    }
    const events = otpEventsOf(a);
    expect(applyPulled(b.core.db, projectors, events, events.length, b.clock.now)).toEqual({ applied: events.length, skipped: 0, failed: 0 });
    expect(rows(b)).toEqual(rows(a));
    expect(rows(b)).toHaveLength(6);
    // Pulled again, the same batch changes nothing.
    expect(applyPulled(b.core.db, projectors, events, events.length, b.clock.now)).toMatchObject({ applied: 0, skipped: events.length });
    expect(rows(b)).toEqual(rows(a));
  });

  it('keep an event that no longer fits as a visible conflict, never bending the state', async () => {
    const since = lastSeq(a);
    const { id } = await a.applicationAt('Waiting Kasie', { customerName: 'Nasabah Sengketa' });
    const created = otpEventsOf(a, since);
    applyPulled(b.core.db, projectors, created, 0, b.clock.now);
    // While the desks are apart, A's Kasie rejects it and B's Kasie approves it.
    const beforeReject = lastSeq(a);
    await a.call('otp.reject', { id, reason: 'KTP buram' }, a.token.kiki);
    await b.call('otp.approve', { id }, b.token.kiki);
    const outcome = applyPulled(b.core.db, projectors, otpEventsOf(a, beforeReject), 0, b.clock.now);
    expect(outcome).toEqual({ applied: 0, skipped: 0, failed: 1 });
    expect((await b.call('otp.get', { id }, b.token.ani)).status).toBe('Waiting Kacab');
    const conflicts = b.core.db.prepare(`SELECT kind, type, reason FROM sync_conflicts`).all();
    expect(conflicts).toEqual([{ kind: 'apply_failed', type: 'otp.rejected', reason: expect.stringContaining('Waiting Kacab') }]);
  });
});
