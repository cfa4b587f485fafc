import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectors } from '../handlers';
import { applyPulled } from '../sync/apply';
import { asPulled, journalRowsAfter, type JournalRow } from '../testing';
import { otpCompensators } from './compensators';
import { startOtpDesk, type OtpDesk } from './testing';

// Head office refused a desk's OTP event (another desk decided first): the desk's application
// goes back to what its other events say.
let a: OtpDesk;
let b: OtpDesk;
beforeAll(async () => {
  [a, b] = await Promise.all([startOtpDesk(), startOtpDesk()]);
});
afterAll(async () => {
  await a.close();
  await b.close();
});


const journalAfter = (desk: OtpDesk, seq: number) => journalRowsAfter(desk.core, 'otp.', seq);
const lastSeq = (desk: OtpDesk) => (desk.core.db.prepare(`SELECT max(seq) AS n FROM journal`).get() as { n: number }).n;
const toPulled = asPulled;

/** What sync/projectors.ts does with head office's `rejected`: a conflict row, then the compensator. */
function refusedByHeadoffice(desk: OtpDesk, event: JournalRow): void {
  desk.core.db.transaction(() => {
    desk.core.db
      .prepare(`INSERT INTO sync_conflicts (kind, event_id, type, reason, detail, at) VALUES ('rejected', ?, ?, 'conflict', 'otp.errors.stateChanged', ?)`)
      .run(event.event_id, event.type, desk.clock.now);
    otpCompensators[event.type]!(desk.core.db, JSON.parse(event.payload) as Record<string, unknown>, desk.clock.now);
  })();
}

describe('otp compensators', () => {
  it('take back a refused approval', async () => {
    const { id, updatedAt } = await a.applicationAt('Waiting Kasie');
    const before = lastSeq(a);
    a.clock.advance(60_000);
    await a.call('otp.approve', { id }, a.token.kiki);
    const [approval] = journalAfter(a, before);
    refusedByHeadoffice(a, approval!);
    expect(await a.call('otp.get', { id }, a.token.ani)).toMatchObject({ status: 'Waiting Kasie', updatedAt });
    expect(a.core.db.prepare(`SELECT kasie_by FROM otp_applications WHERE id = ?`).get(id)).toEqual({ kasie_by: null });
  });

  it('let the other desk’s decision apply once the refused one is gone', async () => {
    const since = lastSeq(a);
    const { id } = await a.applicationAt('Waiting Kasie', { customerName: 'Nasabah Sengketa' });
    applyPulled(b.core.db, projectors, journalAfter(a, since).map(toPulled), 0, b.clock.now);
    // Apart, A's Kasie rejects and B's Kasie approves; B hears of the rejection first…
    const beforeReject = lastSeq(a);
    await a.call('otp.reject', { id, reason: 'KTP buram' }, a.token.kiki);
    const beforeApprove = lastSeq(b);
    await b.call('otp.approve', { id }, b.token.kiki);
    expect(applyPulled(b.core.db, projectors, journalAfter(a, beforeReject).map(toPulled), 0, b.clock.now)).toMatchObject({ failed: 1 });
    expect((await b.call('otp.get', { id }, b.token.ani)).status).toBe('Waiting Kacab');
    // …then head office refuses B's approval, since A's rejection reached it first.
    refusedByHeadoffice(b, journalAfter(b, beforeApprove).find((e) => e.type === 'otp.approved')!);
    expect(await b.call('otp.get', { id }, b.token.ani)).toEqual(await a.call('otp.get', { id }, a.token.ani));
    expect((await b.call('otp.get', { id }, b.token.ani)).status).toBe('Rejected');
  });

  it('cover every event type a desk pushes', () => {
    expect(Object.keys(otpCompensators).sort()).toEqual(['otp.applicationCreated', 'otp.applicationSubmitted', 'otp.approved', 'otp.cancelled', 'otp.rejected']);
  });
});
