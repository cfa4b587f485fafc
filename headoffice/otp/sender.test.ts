import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OTP_TTL_MS } from '../../shared/otp/model';
import { DIALECTS } from '../testing';
import { approvedApplicationEvents, lastOtpSentTo, startOtpHeadoffice, testApplication } from './testing';

const T0 = Date.UTC(2026, 10, 21, 3); // 10:00 WIB

describe.each(DIALECTS)('OTP effects and the sender on %s', (dialect) => {
  let now = T0;
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  let desk: Awaited<ReturnType<typeof ho.enroll>>;

  beforeEach(async () => {
    now = T0;
    ho = await startOtpHeadoffice(dialect, { clock: () => now });
    desk = await ho.enroll('JKT01');
  });
  afterEach(() => ho.close());

  const rows = <R>(text: string, params: unknown[] = []) => ho.ctx.db.read<R>(text, params);

  it('stores the application, and queues the first send on the Kacab approval only', async () => {
    const a = testApplication();
    const [created, submitted, kasie, kacab] = approvedApplicationEvents(desk.chain, a);
    expect((await desk.push([created!, submitted!, kasie!])).json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const [stored] = await rows<{ status: string; phone1: string; branch_code: string }>(`SELECT status, phone1, branch_code FROM ho_otp_applications WHERE id = ?`, [a.id]);
    expect(stored).toEqual({ status: 'Waiting Kacab', phone1: '+6281234567890', branch_code: 'JKT01' });
    expect(await rows(`SELECT id FROM ho_otp_outbox`)).toHaveLength(0);

    expect((await desk.push([kacab!])).json().results[0].status).toBe('accepted');
    // Queued by the approval's effect, in the push transaction, at the approval's time; the loop
    // (kicked after the push) sends it.
    const queued = await rows<{ application_id: string; requested_at: unknown }>(`SELECT application_id, requested_at FROM ho_otp_outbox`);
    expect(queued.map((q) => [q.application_id, Number(q.requested_at)])).toEqual([[a.id, kacab!.at]]);
    await ho.app.otpSender.kick();
    expect((await lastOtpSentTo(ho.ctx.db, a.phone1))?.code).toMatch(/^\d{6}$/);
  });

  it('sends the code and the link, keeps only keyed hashes, and tells the branch by pull', async () => {
    const a = testApplication();
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();

    const sent = await lastOtpSentTo(ho.ctx.db, '+6281234567890');
    expect(sent?.code).toMatch(/^\d{6}$/);
    expect(sent?.link).toBe(`https://eaccount.example.co.id/customer?p=${sent?.token}`);
    expect(sent?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [code] = await rows<Record<string, unknown>>(`SELECT * FROM ho_otp_codes WHERE application_id = ?`, [a.id]);
    expect(code).toMatchObject({ send_number: 1, delivery: 'sent', superseded: 0 });
    expect(Number(code!.expires_at) - Number(code!.sent_at)).toBe(OTP_TTL_MS);
    expect(code!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    // The plain code and token are nowhere in head office's OTP tables.
    const everything = JSON.stringify([await rows(`SELECT * FROM ho_otp_codes`), await rows(`SELECT * FROM ho_otp_applications`), await rows(`SELECT * FROM ho_messages`), await rows(`SELECT * FROM events`)]);
    expect(everything).not.toContain(sent!.token!);
    expect(everything).not.toContain(`"${sent!.code}"`);
    expect((await rows<{ kind: string; status: string }>(`SELECT kind, status FROM ho_messages ORDER BY kind`)).map((m) => [m.kind, m.status])).toEqual([
      ['otp-code', 'sent'],
      ['otp-link', 'sent'],
    ]);

    // Another desk of the branch learns it by pull, as a head-office event.
    const other = await ho.enroll('JKT01');
    const pulled = (await other.pull()).events.filter((e) => e.type === 'otp.sent');
    expect(pulled.map((e) => JSON.parse(e.payload))).toEqual([
      { applicationId: a.id, sendNumber: 1, sentAt: T0, expiresAt: T0 + OTP_TTL_MS, delivery: 'sent', requestedBy: null },
    ]);
    // A desk of another branch never sees it.
    const elsewhere = await ho.enroll('BDG01');
    expect((await elsewhere.pull()).events.filter((e) => e.type.startsWith('otp.'))).toEqual([]);
  });

  it('records a failed send as failed, visible to the branch, and keeps no link for it', async () => {
    await ho.close();
    ho = await startOtpHeadoffice(dialect, {
      clock: () => now,
      otp: {
        messenger: {
          channel: 'whatsapp',
          sendOtpCode: async () => {
            throw new Error('whatsapp 131026: Message undeliverable');
          },
          sendText: async () => ({ providerMessageId: 'never' }),
          sendNotice: async () => ({ providerMessageId: 'never' }),
        },
      },
    });
    desk = await ho.enroll('JKT01');
    const a = testApplication();
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();
    const events = (await (await ho.enroll('JKT01')).pull()).events.filter((e) => e.type === 'otp.sent');
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ delivery: 'failed', failure: 'whatsapp 131026: Message undeliverable' });
    expect(await rows(`SELECT kind, status FROM ho_messages`)).toEqual([{ kind: 'otp-code', status: 'failed' }]);
    const [application] = await rows<{ link_expires_at: unknown }>(`SELECT link_expires_at FROM ho_otp_applications`);
    expect(application!.link_expires_at).toBeNull();
  });

  it('skips a queued send whose application was cancelled before it went', async () => {
    const a = testApplication();
    await desk.push([...approvedApplicationEvents(desk.chain, a), desk.chain.next('otp.cancelled', { id: a.id, reason: 'Nasabah membatalkan' })]);
    await ho.app.otpSender.kick();
    expect(await lastOtpSentTo(ho.ctx.db, a.phone1)).toBeNull();
    expect(await rows(`SELECT outcome FROM ho_otp_outbox`)).toEqual([{ outcome: 'skipped' }]);
  });

  it('refuses a step the state does not allow, an unknown application, and head-office events from a desk', async () => {
    const a = testApplication();
    const fields = { ...a, nik: '3171012345678901', phone2: null, email: null, address: 'Jl. Sudirman No. 1', product: 'tabungan' };
    const created = desk.chain.next('otp.applicationCreated', fields);
    const response = await desk.push([
        created,
        desk.chain.next('otp.approved', { id: a.id, level: 'kacab' }),
        desk.chain.next('otp.applicationSubmitted', { id: a.id }),
        desk.chain.next('otp.cancelled', { id: 'b0e4b1a6-0000-4000-8000-000000000000', reason: 'tidak ada' }),
        desk.chain.next('otp.confirmed', { applicationId: a.id, via: 'cs', by: 'mallory' }),
        desk.chain.next('otp.sent', { applicationId: a.id, sendNumber: 1, sentAt: T0, expiresAt: T0, delivery: 'sent', requestedBy: null }),
        desk.chain.next('otp.applicationCreated', { ...fields, id: crypto.randomUUID(), phone1: '021-5551234' }),
      ]);
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json().results;
    expect(results.map((r: { status: string; detail?: string }) => r.detail ?? r.status)).toEqual([
      'accepted',
      'otp.errors.wrongState',
      'accepted',
      'otp.errors.unknownApplication',
      'otp.errors.headofficeOnly',
      'otp.errors.headofficeOnly',
      'phone1',
    ]);
    const [stored] = await rows<{ status: string }>(`SELECT status FROM ho_otp_applications WHERE id = ?`, [a.id]);
    expect(stored!.status).toBe('Waiting Kasie');
  });

  it('keeps an application of one branch out of reach of another branch', async () => {
    const a = testApplication();
    await desk.push(approvedApplicationEvents(desk.chain, a).slice(0, 1));
    const other = await ho.enroll('BDG01');
    const result = (await other.push([other.chain.next('otp.applicationSubmitted', { id: a.id })])).json().results[0];
    expect(result).toMatchObject({ status: 'rejected', detail: 'otp.errors.unknownApplication' });
  });
});

describe('the sender loop', () => {
  it('sends after a push without being kicked, and takes again a send whose claim lapsed', async () => {
    const ho = await startOtpHeadoffice('sqlite');
    try {
      const desk = await ho.enroll('JKT01');
      const a = testApplication();
      await desk.push(approvedApplicationEvents(desk.chain, a));
      // The push's response kicks the loop; wait for it without kicking.
      for (let i = 0; i < 100 && !(await lastOtpSentTo(ho.ctx.db, a.phone1)); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await lastOtpSentTo(ho.ctx.db, a.phone1)).not.toBeNull();

      // A send claimed by a process that died is left alone for a minute, then taken.
      const b = testApplication({ phone1: '0813-2222-3333' });
      await ho.ctx.db.write(async (sql) => {
        await sql(`INSERT INTO ho_otp_applications (id, branch_code, customer_name, phone1, status, wrong_attempts, created_at, updated_at) VALUES (?, 'JKT01', 'Budi', '+6281322223333', 'Waiting Confirmation', 0, 0, 0)`, [b.id]);
        await sql(`INSERT INTO ho_otp_outbox (id, application_id, requested_at, claimed_at) VALUES ('lapsed', ?, 0, ?)`, [b.id, Date.now()]);
      });
      await ho.app.otpSender.kick();
      expect(await lastOtpSentTo(ho.ctx.db, b.phone1)).toBeNull();
      await ho.ctx.db.write((sql) => sql(`UPDATE ho_otp_outbox SET claimed_at = ? WHERE id = 'lapsed'`, [Date.now() - 61_000]));
      await ho.app.otpSender.kick();
      expect(await lastOtpSentTo(ho.ctx.db, b.phone1)).not.toBeNull();
    } finally {
      await ho.close();
    }
  });
});
