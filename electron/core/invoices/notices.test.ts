import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/events/index';
import { templateHeaders } from '../../../shared/invoices/templates';
import { hash } from 'node:crypto';
import { eventHashText } from '../../../shared/sync/event-hash';
import { projectors } from '../handlers';
import { applyPulled } from '../sync/apply';
import { journalRowsAfter, rejection } from '../testing';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';

// Notices, payments, the dashboard and the reports of the invoice desk, on a real ledger. What head
// office decides (messages sent or failed, payments taken) arrives as head office's events, applied
// as a pull applies them. The desk's clock is 21/11/2026 10:00 WIB.

let t: ComplaintDesk;
let batchId: string;
let ids: string[];
let cursor = 1_000;
let hoSeq = 0;
let hoPrev = '0'.repeat(64);

function sheet(count: number): string {
  const rows: unknown[][] = [templateHeaders('einvoice')];
  for (let i = 1; i <= count; i += 1) rows.push([`N-${i}`, `Pelanggan ${i}`, `n${i}@contoh.co.id`, '0812-3456-7890', 100_000 * i, i === 3 ? '21/11/2026' : '10/12/2026', 'Sewa']);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Tagihan');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

function fromHeadoffice<T extends 'invoices.messages' | 'invoices.paid'>(type: T, payload: EventPayload<T>): void {
  cursor += 1;
  hoSeq += 1;
  const fields = { eventId: `ho-${hoSeq}`, deviceId: 'headoffice-chain', deviceSeq: hoSeq, userId: null, username: null, at: t.clock.now, type, payload: JSON.stringify(payload), prevHash: hoPrev };
  hoPrev = hash('sha256', eventHashText(fields), 'hex');
  const event = { ...fields, hash: hoPrev, cursor };
  expect(applyPulled(t.core.db, projectors, [event], cursor, t.clock.now)).toMatchObject({ failed: 0 });
}

const message = (id: string, invoiceId: string, channel: 'email' | 'whatsapp' | 'sms', status: 'queued' | 'sent' | 'failed', failure: string | null = null) => ({
  id,
  invoiceId,
  channel,
  kind: 'notice' as const,
  reminder: null,
  recipient: channel === 'email' ? 'n@contoh.co.id' : '+6281234567890',
  status,
  failure,
  at: t.clock.now,
});

/** the batch's invoices in sheet order (the list itself orders by due date) */
const list = async () => (await t.call('invoices.list', { batchId }, t.token.bona)).invoices.sort((a, b) => a.row - b.row);

beforeAll(async () => {
  t = await startComplaintDesk();
  const imported = await t.call('invoices.import', { module: 'einvoice', fileName: 'n.xlsx', dataBase64: sheet(3), channels: ['email', 'sms'] }, t.token.bona);
  batchId = imported.batchId;
  ids = (await list()).map((i) => i.id);
});
afterAll(() => t.close());

describe('sending notices', () => {
  it('asks head office for every unsent invoice of the batch on its channels, once', async () => {
    const before = journalRowsAfter(t.core, 'invoices.sendRequested').length;
    expect(await t.call('invoices.send', { batchId }, t.token.bona)).toEqual({ requested: 3 });
    const [request] = journalRowsAfter(t.core, 'invoices.sendRequested').slice(before);
    expect(JSON.parse(request!.payload)).toMatchObject({ batchId, invoiceIds: ids, channels: ['email', 'sms'] });
    expect((await list()).map((i) => i.notice)).toEqual(['requested', 'requested', 'requested']);
    expect((await rejection(t.call('invoices.send', { batchId }, t.token.bona))).key).toBe('invoices.errors.nothingToSend');
    expect((await rejection(t.call('invoices.send', { batchId }, t.token.tono))).code).toBe('forbidden');
  });

  it('learns from head office what went out: sent on any channel makes the invoice sent; all failed is failed', async () => {
    fromHeadoffice('invoices.messages', {
      messages: [message('m1', ids[0]!, 'email', 'sent'), message('m2', ids[0]!, 'sms', 'failed', 'SMS gateway 503'), message('m3', ids[1]!, 'email', 'failed', 'SMTP 550 mailbox unavailable'), message('m4', ids[2]!, 'email', 'queued')],
    });
    const invoices = await list();
    expect(invoices.map((i) => [i.status, i.notice])).toEqual([
      ['sent', 'sent'],
      ['unsent', 'failed'],
      ['unsent', 'requested'],
    ]);
    const messages = (await t.call('invoices.messages', { invoiceId: ids[1]! }, t.token.bona)).messages;
    expect(messages).toEqual([expect.objectContaining({ id: 'm3', status: 'failed', failure: 'SMTP 550 mailbox unavailable' })]);
    // a later status of the same message replaces the earlier
    fromHeadoffice('invoices.messages', { messages: [message('m4', ids[2]!, 'email', 'sent')] });
    expect((await list())[2]).toMatchObject({ status: 'sent', notice: 'sent' });
  });

  it('sends a failed message again on its channel only, and nothing that did not fail', async () => {
    expect((await rejection(t.call('invoices.resend', { messageId: 'm1' }, t.token.bona))).key).toBe('invoices.errors.resendNotFailed');
    expect((await rejection(t.call('invoices.resend', { messageId: 'nope' }, t.token.bona))).key).toBe('invoices.errors.messageNotFound');
    const before = journalRowsAfter(t.core, 'invoices.sendRequested').length;
    expect(await t.call('invoices.resend', { messageId: 'm3' }, t.token.bona)).toEqual({ requested: 1 });
    const [request] = journalRowsAfter(t.core, 'invoices.sendRequested').slice(before);
    expect(JSON.parse(request!.payload)).toMatchObject({ invoiceIds: [ids[1]], channels: ['email'] });
    expect((await list())[1]!.notice).toBe('requested');
  });

  it('takes head office’s payment as final, and sends a paid invoice nothing more', async () => {
    fromHeadoffice('invoices.paid', { id: ids[0]!, va: (await list())[0]!.va, paymentId: 'BCA-77', amount: 100_000, paidAt: t.clock.now + 60_000, bank: 'BCA' });
    expect((await list())[0]).toMatchObject({ status: 'paid', display: 'paid', paymentId: 'BCA-77', paidAt: t.clock.now + 60_000 });
    expect((await rejection(t.call('invoices.send', { batchId, invoiceIds: [ids[0]!] }, t.token.bona))).key).toBe('invoices.errors.notSendable');
    expect((await rejection(t.call('invoices.archive', { id: ids[0]!, reason: 'x' }, t.token.bona))).key).toBe('invoices.errors.alreadyPaid');
  });
});

describe('dashboard and reports', () => {
  it('counts invoices and rupiah per status, due and overdue by the branch day', async () => {
    await t.travel(t.clock.now + 24 * 3_600_000); // 22/11: N-3, due 21/11, is overdue
    const view = await t.call('invoices.dashboard', { batchId }, t.token.bona);
    expect(view).toMatchObject({
      today: '2026-11-22',
      unsent: { count: 1, amount: 200_000 },
      due: { count: 1, amount: 200_000 },
      overdue: { count: 1, amount: 300_000 },
      paid: { count: 1, amount: 100_000 },
      archived: { count: 0, amount: 0 },
      messages: { requested: 1, sent: 2, failed: 0 },
    });
  });

  it('reports the invoices falling due in the period, and the payments against their invoices per day', async () => {
    const transactions = await t.call('invoices.report', { kind: 'transactions', from: '2026-11-01', to: '2026-11-30', batchId }, t.token.bona);
    expect(transactions.transactions.map((r) => [r.number, r.display])).toEqual([['N-3', 'overdue']]);
    expect(transactions.totals).toEqual({ overdue: { count: 1, amount: 300_000 }, all: { count: 1, amount: 300_000 } });
    const december = await t.call('invoices.report', { kind: 'transactions', from: '2026-12-01', to: '2026-12-31' }, t.token.bona);
    expect(december.totals.paid).toEqual({ count: 1, amount: 100_000 });
    const reconciliation = await t.call('invoices.report', { kind: 'reconciliation', from: '2026-11-21', to: '2026-11-21' }, t.token.bona);
    expect(reconciliation.reconciliation).toEqual([expect.objectContaining({ paymentId: 'BCA-77', number: 'N-1', invoiceAmount: 100_000, paidAmount: 100_000, difference: 0, day: '2026-11-21', bank: 'BCA' })]);
    expect(reconciliation.days).toEqual([{ day: '2026-11-21', count: 1, amount: 100_000 }]);
    expect((await t.call('invoices.report', { kind: 'reconciliation', from: '2026-11-22', to: '2026-11-30' }, t.token.bona)).reconciliation).toEqual([]);
    const backwards = await rejection(t.call('invoices.report', { kind: 'reconciliation', from: '2026-11-30', to: '2026-11-01' }, t.token.bona));
    expect(backwards.fields?.[0]).toMatchObject({ path: 'to', key: 'invoices.errors.periodOrder' });
  });

  it('exports both reports as a workbook with numbers and as a PDF', async () => {
    const xlsx = await t.call('invoices.exportReport', { kind: 'reconciliation', from: '2026-11-01', to: '2026-11-30', format: 'xlsx' }, t.token.bona);
    expect(xlsx.fileName).toBe('laporan-rekonsiliasi-tagihan-JKT01-2026-11-01-2026-11-30.xlsx');
    const book = XLSX.read(Buffer.from(xlsx.dataBase64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[1]!]!, { header: 1 });
    expect(rows[1]).toEqual([expect.any(String), 'BCA-77', expect.any(String), 'BCA', 'N-1', 'Pelanggan 1', 100_000, 100_000, 0]);
    const pdf = await t.call('invoices.exportReport', { kind: 'transactions', from: '2026-11-01', to: '2026-12-31', format: 'pdf' }, t.token.bona);
    expect(pdf.mimeType).toBe('application/pdf');
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
