import { createHmac, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceMessageEvent } from '../../shared/events/invoices';
import { buildHeadoffice } from '../app';
import { complaintDesk, type TestHeadoffice } from '../complaints/testing';
import { MessagingFailure } from '../messaging/sender';
import { DIALECTS, startTestHeadoffice } from '../testing';
import type { InvoiceOptions } from './capability';

// Head office's part of invoice batches: the invoices pushed by branches, the bank's signed VA
// callback (one payment per VA, exact amount, idempotent by the bank's id), the rules that refuse a
// desk's archive of a paid invoice, and the notifier with its reminders and cancellations.

const SECRET = 'callback-secret-for-tests';
const WA_SECRET = 'meta-app-secret-for-tests';
const START = Date.parse('2026-11-21T03:00:00Z'); // 21/11/2026 10:00 WIB
const DAY = 86_400_000;

type Desk = Awaited<ReturnType<typeof complaintDesk>>;
type App = Awaited<ReturnType<typeof buildHeadoffice>>['app'];

interface Sent {
  channel: string;
  to: string;
  text: string;
  attachments: number;
}

describe.each(DIALECTS)('invoice batches at head office on %s', (dialect) => {
  let ho: TestHeadoffice;
  let now = START;
  let app: App | null = null;
  let sent: Sent[] = [];
  let smsDown = false;

  const channels: Pick<InvoiceOptions, 'email' | 'whatsapp' | 'sms'> = {
    email: {
      channel: 'email',
      send: async (m) => {
        sent.push({ channel: 'email', to: m.to, text: m.text, attachments: m.attachments?.length ?? 0 });
        return { providerMessageId: `mail-${sent.length}` };
      },
    },
    whatsapp: {
      channel: 'whatsapp',
      sendOtpCode: async () => ({ providerMessageId: 'unused' }),
      sendText: async () => ({ providerMessageId: 'unused' }),
      sendNotice: async (to, notice) => {
        sent.push({ channel: 'whatsapp', to, text: notice.text, attachments: 0 });
        return { providerMessageId: `wamid.${sent.length}` };
      },
    },
    sms: {
      channel: 'sms',
      send: async (to, text) => {
        if (smsDown) throw new MessagingFailure('SMS gateway 503: maintenance');
        sent.push({ channel: 'sms', to, text, attachments: 0 });
        return { providerMessageId: `sms-${sent.length}` };
      },
    },
  };

  beforeEach(async () => {
    now = START;
    sent = [];
    smsDown = false;
    ho = await startTestHeadoffice(dialect, () => now, {
      invoices: { callbackSecret: SECRET, pollMs: 0, env: {}, ...channels },
      otp: { env: { SERAMBI_WA_APP_SECRET: WA_SECRET }, pollMs: 0 },
    });
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await ho.close();
  });

  /** Head office as the tests' desks reach it; or a second one on the same database without a callback secret. */
  async function withInvoices(secret: string | null = SECRET): Promise<App> {
    if (secret) return ho.app;
    const built = await buildHeadoffice({ databaseUrl: ho.databaseUrl, clock: () => now, adminToken: 'admin-token-for-tests-0123456789', invoices: { callbackSecret: null, pollMs: 0, env: {}, ...channels } });
    app = built.app;
    return built.app;
  }

  /** A desk of `branch` that pushed a batch of `count` invoices, due 31/12/2026. */
  async function deskWithBatch(branch: string, count: number, channelNames: ('email' | 'whatsapp' | 'sms')[] = ['email', 'whatsapp', 'sms'], vaPrefix = '880800010000000') {
    const desk = await complaintDesk(ho, branch, 'bona');
    const batchId = randomUUID();
    const invoices = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      row: i + 2,
      number: `INV-${branch}-${i + 1}`,
      customerName: `Pelanggan ${i + 1}`,
      email: `p${i + 1}@contoh.co.id`,
      phone: `+62812345670${String(i + 1).padStart(2, '0')}`,
      amount: 150_000 + i,
      dueDate: '2026-12-31',
      description: 'Sewa Desember',
      fields: {},
      va: `${vaPrefix}${String(i).padStart(4, '0')}`,
      vaDesk: 0,
      vaSeq: i + 1,
    }));
    const pushed = await desk.push([
      desk.chain.next('invoices.batchImported', { batchId, module: 'einvoice', fileName: 'tagihan.xlsx', channels: channelNames, reminders: { daysBefore: [3, 0], daysAfter: [7] }, accepted: count, rejected: 0 }, now),
      desk.chain.next('invoices.added', { batchId, chunk: 0, invoices }, now),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    return { desk, batchId, invoices };
  }

  const pulled = async (desk: Desk, type: string) => (await desk.pull()).events.filter((e) => e.type === type).map((e) => JSON.parse(e.payload) as Record<string, unknown>);
  const post = (target: App, body: object | string, signature?: string) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return target.inject({
      method: 'POST',
      url: '/api/invoices/callback',
      headers: { 'content-type': 'application/json', 'x-callback-signature': signature ?? createHmac('sha256', SECRET).update(raw).digest('hex') },
      payload: raw,
    });
  };

  it('keeps a VA to one invoice across branches: a second branch pushing it is refused', async () => {
    await deskWithBatch('JKT01', 2);
    const other = await complaintDesk(ho, 'BDG01', 'bona');
    const batchId = randomUUID();
    const pushed = await other.push([
      other.chain.next('invoices.batchImported', { batchId, module: 'einvoice', fileName: 'b.xlsx', channels: ['email'], reminders: { daysBefore: [], daysAfter: [] }, accepted: 1, rejected: 0 }, now),
      other.chain.next('invoices.added', { batchId, chunk: 0, invoices: [{ id: randomUUID(), row: 2, number: 'X-1', customerName: 'X', email: 'x@contoh.co.id', phone: null, amount: 1000, dueDate: '2026-12-31', description: null, fields: {}, va: '8808000100000000000', vaDesk: 0, vaSeq: 1 }] }, now),
    ]);
    expect(pushed.results[1]).toMatchObject({ status: 'rejected', reason: 'conflict', detail: 'invoices.errors.vaTaken' });
  });

  it('answers the callback only when signed with the configured secret, and reads its body strictly', async () => {
    const { invoices } = await deskWithBatch('JKT01', 1);
    const body = { payment_id: 'P-1', va: invoices[0]!.va, amount: invoices[0]!.amount };
    expect((await post(await withInvoices(null), body)).statusCode).toBe(503);
    const target = await withInvoices();
    expect((await post(target, body, createHmac('sha256', 'another').update(JSON.stringify(body)).digest('hex'))).statusCode).toBe(401);
    expect((await post(target, body, '')).statusCode).toBe(401);
    expect((await post(target, { ...body, amount: '150.000,50' })).statusCode).toBe(400);
    expect((await post(target, { ...body, va: 'abc' })).statusCode).toBe(400);
    expect((await post(target, { ...body, paid_at: 'kemarin' })).statusCode).toBe(400);
    expect(await ho.ctx.db.read(`SELECT payment_id FROM ho_inv_payments`)).toEqual([]);
  });

  it('takes one payment per VA at its exact amount, answers a retry as before, and tells the branch once', async () => {
    const { desk, invoices } = await deskWithBatch('JKT01', 2);
    const target = await withInvoices();
    const [a, b] = invoices;
    const pay = { payment_id: 'BCA-1', va: a!.va, amount: String(a!.amount) + '.00', paid_at: '2026-11-21T10:05:00+07:00', bank_code: 'BCA' };
    const first = await post(target, pay);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'accepted', invoice_number: a!.number });
    expect((await post(target, pay)).json()).toMatchObject({ status: 'duplicate' });
    expect((await post(target, { ...pay, payment_id: 'BCA-2' })).json()).toMatchObject({ status: 'refused-paid', message: expect.stringContaining('lunas') });
    expect((await post(target, { ...pay, va: b!.va })).statusCode).toBe(409); // BCA-1 again, for another VA
    const wrong = await post(target, { payment_id: 'BCA-3', va: b!.va, amount: b!.amount + 1 });
    expect([wrong.statusCode, wrong.json().status]).toEqual([422, 'refused-amount']);
    // unknown VAs are not kept: once the branch pushes the batch, the bank's retry finds it
    expect((await post(target, { payment_id: 'BCA-4', va: '8808999999999999', amount: 1000 })).statusCode).toBe(404);
    expect(await ho.ctx.db.read(`SELECT payment_id FROM ho_inv_payments WHERE payment_id = 'BCA-4'`)).toEqual([]);

    const paid = await pulled(desk, 'invoices.paid');
    expect(paid).toEqual([{ id: a!.id, va: a!.va, paymentId: 'BCA-1', amount: a!.amount, paidAt: Date.parse('2026-11-21T03:05:00Z'), bank: 'BCA' }]);
  });

  it("refuses a desk's archive of an invoice it paid, and a delete once its notice went out", async () => {
    const { desk, invoices } = await deskWithBatch('JKT01', 2);
    const target = await withInvoices();
    expect((await post(target, { payment_id: 'P-1', va: invoices[0]!.va, amount: invoices[0]!.amount })).statusCode).toBe(200);
    const request = desk.chain.next('invoices.sendRequested', { requestId: randomUUID(), batchId: (await ho.ctx.db.read<{ batch_id: string }>(`SELECT batch_id FROM ho_invoices LIMIT 1`))[0]!.batch_id, invoiceIds: [invoices[1]!.id], channels: ['email'] }, now);
    expect((await desk.push([request])).results[0]!.status).toBe('accepted');
    await target.invoiceNotifier.kick();
    const pushed = await desk.push([
      desk.chain.next('invoices.archived', { id: invoices[0]!.id, reason: 'Salah' }, now),
      desk.chain.next('invoices.deleted', { id: invoices[1]!.id, reason: 'Salah' }, now),
      desk.chain.next('invoices.paid', { id: invoices[1]!.id, va: invoices[1]!.va, paymentId: 'X', amount: invoices[1]!.amount, paidAt: now, bank: null }, now),
    ]);
    expect(pushed.results.map((r) => r.status === 'rejected' && r.detail)).toEqual(['invoices.errors.alreadyPaid', 'invoices.errors.wasSent', 'errors.forbidden']);
  });

  it('sends each notice on the batch channels, records a failure with its reason, and tells the branch each change once', async () => {
    const { desk, batchId, invoices } = await deskWithBatch('JKT01', 2);
    const target = await withInvoices();
    smsDown = true;
    const request = desk.chain.next('invoices.sendRequested', { requestId: randomUUID(), batchId, invoiceIds: invoices.map((i) => i.id), channels: ['email', 'whatsapp', 'sms'] }, now);
    expect((await desk.push([request])).results[0]!.status).toBe('accepted');
    await target.invoiceNotifier.kick();
    expect(sent.map((s) => [s.channel, s.to, s.attachments]).sort()).toEqual([
      ['email', 'p1@contoh.co.id', 1],
      ['email', 'p2@contoh.co.id', 1],
      ['whatsapp', '+6281234567001', 0],
      ['whatsapp', '+6281234567002', 0],
    ]);
    expect(sent.find((s) => s.to === '+6281234567001')!.text).toContain('150.000');
    const told = (await pulled(desk, 'invoices.messages')).flatMap((e) => e.messages as InvoiceMessageEvent[]);
    const last = new Map(told.map((m) => [m.id, m]));
    expect([...last.values()].map((m) => [m.channel, m.status, m.failure]).sort()).toEqual([
      ['email', 'sent', null],
      ['email', 'sent', null],
      ['sms', 'failed', 'SMS gateway 503: maintenance'],
      ['sms', 'failed', 'SMS gateway 503: maintenance'],
      ['whatsapp', 'sent', null],
      ['whatsapp', 'sent', null],
    ]);
    const before = told.length;
    await target.invoiceNotifier.kick();
    expect((await pulled(desk, 'invoices.messages')).flatMap((e) => e.messages as InvoiceMessageEvent[])).toHaveLength(before);
    const statuses = await ho.ctx.db.read<{ status: string; first_sent_on: string }>(`SELECT status, first_sent_on FROM ho_invoices ORDER BY number`);
    expect(statuses).toEqual([
      { status: 'sent', first_sent_on: '2026-11-21' },
      { status: 'sent', first_sent_on: '2026-11-21' },
    ]);
  });

  it('reminds on the batch schedule, once each, never a paid invoice, and tells an archived one not to pay', async () => {
    const { desk, batchId, invoices } = await deskWithBatch('JKT01', 3, ['whatsapp']);
    const target = await withInvoices();
    await desk.push([desk.chain.next('invoices.sendRequested', { requestId: randomUUID(), batchId, invoiceIds: invoices.map((i) => i.id), channels: ['whatsapp'] }, now)]);
    await target.invoiceNotifier.kick();
    expect(sent).toHaveLength(3);
    expect((await post(target, { payment_id: 'P-1', va: invoices[0]!.va, amount: invoices[0]!.amount })).statusCode).toBe(200);
    await desk.push([desk.chain.next('invoices.archived', { id: invoices[2]!.id, reason: 'Jumlah salah' }, now)]);
    await target.invoiceNotifier.kick();
    expect(sent.slice(3).map((s) => [s.to, s.text.toLowerCase().includes('jangan')])).toEqual([['+6281234567003', true]]);

    // H-3 is 28/12/2026; the day before nothing is due
    now = Date.parse('2026-12-27T03:00:00Z');
    await target.invoiceNotifier.kick();
    expect(sent).toHaveLength(4);
    now += DAY;
    await target.invoiceNotifier.kick();
    await target.invoiceNotifier.kick();
    expect(sent.slice(4).map((s) => s.to)).toEqual(['+6281234567002']);
    // a week after the due date, H+7; H (31/12) was missed while head office was down, and is dropped
    now = Date.parse('2027-01-07T03:00:00Z');
    await target.invoiceNotifier.kick();
    expect(sent.slice(5).map((s) => s.to)).toEqual(['+6281234567002']);
    const reminders = (await pulled(desk, 'invoices.messages')).flatMap((e) => e.messages as InvoiceMessageEvent[]).filter((m) => m.kind === 'reminder' && m.status === 'sent');
    expect(reminders.map((m) => m.reminder)).toEqual(['H-3', 'H+7']);
  });

  it('tells the branch when WhatsApp delivers a notice and the customer reads it, or when it was not delivered', async () => {
    const { desk, batchId, invoices } = await deskWithBatch('JKT01', 2, ['whatsapp']);
    await desk.push([desk.chain.next('invoices.sendRequested', { requestId: randomUUID(), batchId, invoiceIds: invoices.map((i) => i.id), channels: ['whatsapp'] }, now)]);
    await ho.app.invoiceNotifier.kick();
    const sentTo = new Map(
      (await ho.ctx.db.read<{ recipient: string; provider_message_id: string }>(`SELECT recipient, provider_message_id FROM ho_inv_messages`)).map((m) => [m.recipient, m.provider_message_id]),
    );
    const [read, undelivered] = invoices.map((i) => sentTo.get(i.phone)!);
    const status = (id: string, state: string) => ({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, statuses: [{ id, status: state, timestamp: '1763700000', recipient_id: '6281234567001', ...(state === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable' }] } : {}) }] } }] }],
    });
    const hook = async (id: string, state: string) => {
      const raw = JSON.stringify(status(id, state));
      const answer = await ho.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', WA_SECRET).update(raw).digest('hex')}` }, payload: raw });
      expect(answer.statusCode).toBe(200);
      await ho.app.invoiceNotifier.kick();
    };
    const told = async (id: string) =>
      (await pulled(desk, 'invoices.messages'))
        .flatMap((e) => e.messages as InvoiceMessageEvent[])
        .filter((m) => m.recipient === invoices[id === read ? 0 : 1]!.phone)
        .map((m) => [m.status, m.delivery ?? null, m.failure]);
    // Delivered, then read; a late delivered, and a failure on a second phone after it, change nothing.
    for (const state of ['delivered', 'read', 'delivered', 'failed', 'sent']) await hook(read!, state);
    expect((await told(read!)).slice(-3)).toEqual([
      ['sent', null, null],
      ['sent', 'delivered', null],
      ['sent', 'read', null],
    ]);
    // Not delivered: failed with WhatsApp's reason, so the desk can send it again.
    await hook(undelivered!, 'failed');
    expect((await told(undelivered!)).slice(-2)).toEqual([
      ['sent', null, null],
      ['failed', null, '131026 Message undeliverable'],
    ]);
    // …and should WhatsApp still deliver it after all, it was delivered.
    await hook(undelivered!, 'delivered');
    expect((await told(undelivered!)).at(-1)).toEqual(['sent', 'delivered', null]);
  });
});
