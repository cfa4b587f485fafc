import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHeadoffice } from '../../headoffice/app';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { applyInvoiceDelivery } from '../../headoffice/invoices/delivery';
import { ADMIN_TOKEN, databaseFor } from '../../headoffice/testing';
import { formatVaForReading } from '../../shared/invoices/notice';
import { templateHeaders } from '../../shared/invoices/templates';
import { startTestCore, type TestCore } from '../../electron/core/testing';

// Invoice batches end to end on real desks and a real head office over loopback HTTP: VAs made
// offline at two branches (and two desks of one branch) never meet; notices go out through head
// office's providers and come back as statuses; the bank's signed callback pays an invoice once,
// refuses a paid or archived VA and a wrong amount, and the branch learns all of it by pull.

const SECRET = 'callback-secret-for-tests';
const PASSWORD = 'kantor-sandi-123';
/** the test desks' clock: 21/11/2026 10:00 WIB */
const START = Date.UTC(2026, 10, 21, 3, 0, 0);

let now = START;
let ho: Awaited<ReturnType<typeof buildHeadoffice>>;
let database: Awaited<ReturnType<typeof databaseFor>>;
let url: string;
const desks: TestCore[] = [];

beforeEach(async () => {
  now = START;
  database = await databaseFor('sqlite');
  ho = await buildHeadoffice({ databaseUrl: database.url, adminToken: ADMIN_TOKEN, passwordCost: 10, clock: () => now, invoices: { callbackSecret: SECRET, pollMs: 0, env: {} } });
  url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await ho.app.close().catch(() => undefined);
  await database.drop();
});

interface Desk {
  desk: TestCore;
  token: string;
}

/** A desk enrolled to `branch` with a back-office user; the branch's first desk sets it up. */
async function branchDesk(branch: string, username: string): Promise<Desk> {
  const desk = await startTestCore({ setup: false, dataDir: mkdtempSync(join(tmpdir(), 'serambi-desk-')) });
  desks.push(desk);
  const code = await createEnrollCode(ho.ctx.db, branch, Date.now());
  const first = !(await ho.ctx.db.read(`SELECT id FROM devices WHERE branch_code = ? AND kind = 'desk'`, [branch])).length;
  if (first) {
    await desk.call('setup.init', { branch: { code: branch, name: `Cabang ${branch}`, timeZone: 'WIB' }, admin: { username: 'admin', displayName: 'Admin', password: PASSWORD } });
    const admin = await desk.login('admin', PASSWORD);
    await desk.call('users.create', { username, displayName: username, roles: ['back-office'], password: PASSWORD }, admin);
    await desk.call('sync.enroll', { headofficeUrl: url, code }, admin);
  } else {
    await desk.call('sync.enroll', { headofficeUrl: url, code });
  }
  await desk.core.sync.syncOnce();
  return { desk, token: await desk.login(username, PASSWORD) };
}

function sheet(prefix: string, count: number): string {
  const rows: unknown[][] = [templateHeaders('einvoice')];
  for (let i = 1; i <= count; i += 1) rows.push([`${prefix}-${i}`, `Pelanggan ${i}`, `p${i}@contoh.co.id`, `0812-3456-${String(7000 + i)}`, 100_000 * i, '31/12/2026', 'Sewa']);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Tagihan');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

async function importBatch(d: Desk, prefix: string, count: number, channels: ('email' | 'whatsapp' | 'sms')[] = ['email', 'whatsapp']) {
  const result = await d.desk.call('invoices.import', { module: 'einvoice', fileName: `${prefix}.xlsx`, dataBase64: sheet(prefix, count), channels }, d.token);
  return { batchId: result.batchId, invoices: (await d.desk.call('invoices.list', { batchId: result.batchId }, d.token)).invoices };
}

async function callback(body: Record<string, unknown>, secret = SECRET) {
  const raw = JSON.stringify(body);
  const response = await fetch(`${url}/api/invoices/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-callback-signature': createHmac('sha256', secret).update(raw).digest('hex') },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as { status?: string; message?: string } };
}

const sync = (d: Desk) => d.desk.call('sync.now', {}, d.token);

describe('VAs made offline', () => {
  it('never meet across two branches and two desks of one branch, and head office takes them all', async () => {
    const jkt1 = await branchDesk('JKT01', 'bo.jkt');
    const jkt2 = await branchDesk('JKT01', 'bo.jkt');
    const bdg = await branchDesk('BDG01', 'bo.bdg');
    // none of them syncs while they prepare their batches
    const vas = [
      ...(await importBatch(jkt1, 'JKT-A', 40)).invoices,
      ...(await importBatch(jkt2, 'JKT-B', 40)).invoices,
      ...(await importBatch(bdg, 'BDG', 40)).invoices,
    ].map((i) => i.va);
    expect(new Set(vas).size).toBe(120);
    for (const d of [jkt1, jkt2, bdg]) await sync(d);
    const [held] = await ho.ctx.db.read<{ n: unknown }>(`SELECT count(*) AS n FROM ho_invoices`);
    expect(Number(held!.n)).toBe(120);
    for (const d of [jkt1, jkt2, bdg]) expect((await d.desk.call('sync.status', {}, d.token)).openConflicts).toBe(0);
  });
});

describe('notices and payments', () => {
  it('sends the notices, takes one payment per VA and refuses the rest, and the branch learns it all', async () => {
    const bo = await branchDesk('JKT01', 'bo.jkt');
    const batch = await importBatch(bo, 'INV', 3, ['email', 'whatsapp', 'sms']);
    const [first, second, third] = batch.invoices;
    expect(await bo.desk.call('invoices.send', { batchId: batch.batchId }, bo.token)).toEqual({ requested: 3 });
    expect((await bo.desk.call('invoices.list', { batchId: batch.batchId }, bo.token)).invoices.map((i) => i.notice)).toEqual(['requested', 'requested', 'requested']);
    await sync(bo);
    await ho.app.invoiceNotifier.kick();
    await sync(bo);
    const sent = (await bo.desk.call('invoices.list', { batchId: batch.batchId }, bo.token)).invoices;
    expect(sent.map((i) => [i.status, i.notice])).toEqual([
      ['sent', 'sent'],
      ['sent', 'sent'],
      ['sent', 'sent'],
    ]);
    const messages = (await bo.desk.call('invoices.messages', { invoiceId: first!.id }, bo.token)).messages;
    expect(messages.map((m) => [m.channel, m.kind, m.status]).sort()).toEqual([
      ['email', 'notice', 'sent'],
      ['sms', 'notice', 'sent'],
      ['whatsapp', 'notice', 'sent'],
    ]);
    expect(messages.find((m) => m.channel === 'whatsapp')?.recipient).toBe('+6281234567001');
    // WhatsApp says the customer read it: the desk shows so at its next round, the notice still sent
    const [wa] = await ho.ctx.db.read<{ provider_message_id: string }>(`SELECT provider_message_id FROM ho_inv_messages WHERE channel = 'whatsapp' AND recipient = '+6281234567001'`);
    expect(await applyInvoiceDelivery(ho.ctx.db, () => now, { providerMessageId: wa!.provider_message_id, status: 'read', failure: null })).toBe(true);
    await ho.app.invoiceNotifier.kick();
    await sync(bo);
    const read = (await bo.desk.call('invoices.messages', { invoiceId: first!.id }, bo.token)).messages;
    expect(read.map((m) => [m.channel, m.status, m.delivery]).sort()).toEqual([
      ['email', 'sent', null],
      ['sms', 'sent', null],
      ['whatsapp', 'sent', 'read'],
    ]);
    expect((await bo.desk.call('invoices.list', { batchId: batch.batchId }, bo.token)).invoices[0]?.notice).toBe('sent');
    // the email went with the invoice as PDF, through head office's recorder of email
    const [mail] = await ho.ctx.db.read<{ subject: string; body: string; attachment_name: string | null }>(
      `SELECT subject, body, attachment_name FROM ho_dev_notices WHERE channel = 'email' AND recipient = 'p1@contoh.co.id'`,
    );
    expect(mail?.body).toContain(formatVaForReading(first!.va));
    expect(mail?.attachment_name).toMatch(/\.pdf$/);

    now += 60_000;
    const pay = { payment_id: 'BCA-0001', va: first!.va, amount: first!.amount, paid_at: '2026-11-21T10:05:00+07:00', bank: 'BCA' };
    expect(await callback(pay)).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(await callback(pay)).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    expect(await callback({ ...pay, payment_id: 'BCA-0002' })).toMatchObject({ status: 409, body: { status: 'refused-paid' } });
    expect(await callback({ ...pay, amount: 1 })).toMatchObject({ status: 409 });
    expect(await callback({ ...pay, payment_id: 'BCA-0003', va: second!.va, amount: second!.amount - 1 })).toMatchObject({ status: 422, body: { status: 'refused-amount' } });
    expect(await callback({ ...pay, payment_id: 'BCA-0004', va: '8808999999999999999' })).toMatchObject({ status: 404, body: { status: 'unknown-va' } });
    expect((await callback(pay, 'another-secret')).status).toBe(401);

    await bo.desk.call('invoices.archive', { id: third!.id, reason: 'Jumlah salah, diganti tagihan baru' }, bo.token);
    await sync(bo);
    await ho.app.invoiceNotifier.kick();
    expect(await callback({ ...pay, payment_id: 'BCA-0005', va: third!.va, amount: third!.amount })).toMatchObject({ status: 409, body: { status: 'refused-archived' } });
    await sync(bo);

    const after = await bo.desk.call('invoices.list', { batchId: batch.batchId }, bo.token);
    expect(after.invoices.map((i) => [i.number, i.display, i.paymentId])).toEqual([
      ['INV-1', 'paid', 'BCA-0001'],
      ['INV-2', 'due', null],
      ['INV-3', 'archived', null],
    ]);
    const cancels = (await bo.desk.call('invoices.messages', { invoiceId: third!.id }, bo.token)).messages.filter((m) => m.kind === 'cancel');
    expect(cancels.map((m) => [m.channel, m.status]).sort()).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
      ['whatsapp', 'sent'],
    ]);
    const report = await bo.desk.call('invoices.report', { kind: 'reconciliation', from: '2026-11-21', to: '2026-11-21' }, bo.token);
    expect(report.reconciliation.map((r) => [r.paymentId, r.number, r.paidAmount, r.difference])).toEqual([['BCA-0001', 'INV-1', first!.amount, 0]]);
    expect(report.days).toEqual([{ day: '2026-11-21', count: 1, amount: first!.amount }]);
    const dashboard = await bo.desk.call('invoices.dashboard', { batchId: batch.batchId }, bo.token);
    expect(dashboard).toMatchObject({ paid: { count: 1, amount: first!.amount }, due: { count: 1 }, archived: { count: 1 } });
  });

  it('refuses a desk archiving an invoice head office has seen paid, as a visible conflict', async () => {
    const bo = await branchDesk('JKT01', 'bo.jkt');
    const batch = await importBatch(bo, 'INV', 1);
    await sync(bo);
    const [invoice] = batch.invoices;
    expect((await callback({ payment_id: 'P-1', va: invoice!.va, amount: invoice!.amount, bank: 'BNI' })).status).toBe(200);
    // the desk has not pulled yet, and archives it
    await bo.desk.call('invoices.archive', { id: invoice!.id, reason: 'Salah kirim' }, bo.token);
    await sync(bo);
    expect((await bo.desk.call('sync.status', {}, bo.token)).openConflicts).toBe(1);
    const [after] = (await bo.desk.call('invoices.list', { batchId: batch.batchId }, bo.token)).invoices;
    expect(after).toMatchObject({ status: 'paid', paymentId: 'P-1' });
  });
});
