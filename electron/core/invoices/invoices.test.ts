import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVa } from '../../../shared/invoices/va';
import { templateHeaders, type InvoiceModule } from '../../../shared/invoices/templates';
import { asPulled, journalRowsAfter, rejection, startTestCore, ADMIN, type TestCore } from '../testing';
import { projectors } from '../handlers';
import { applyPulled } from '../sync/apply';
import { HOUR, startComplaintDesk, type ComplaintDesk } from '../complaints/testing';
import { branchVaCode, DEFAULT_VA_CONFIG, DESK_BLOCKS, freeDeskBlock, preferredDeskBlock } from './va-allocation';

// The invoice-batches desk through the dispatcher, on a real temporary ledger. The test core's
// clock is 21/11/2026 10:00 WIB, so due dates from 21/11/2026 on are accepted.
let t: ComplaintDesk;
beforeAll(async () => {
  t = await startComplaintDesk();
});
afterAll(() => t.close());

const count = (sql: string, ...args: unknown[]) => (t.core.db.prepare(sql).get(...args) as { n: number }).n;

function xlsx(rows: unknown[][], edit?: (sheet: XLSX.WorkSheet) => void): string {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  edit?.(sheet);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Tagihan');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

const EINVOICE = templateHeaders('einvoice');
const einvoice = (number: string, extra: Partial<Record<'name' | 'email' | 'phone' | 'amount' | 'due', unknown>> = {}) => [
  number,
  extra.name ?? `Pelanggan ${number}`,
  'email' in extra ? extra.email : `${number.toLowerCase()}@pelanggan.co.id`,
  'phone' in extra ? extra.phone : '0812-3456-7890',
  extra.amount ?? 250_000,
  extra.due ?? '31/12/2026',
  'Sewa Desember',
];
const file = (module: InvoiceModule, dataBase64: string) => ({ module, fileName: `batch-${module}.xlsx`, dataBase64 });

describe('invoices.template', () => {
  it('gives each module its exact header row and a text-formatted example', async () => {
    for (const module of ['einvoice', 'pintukelas'] as const) {
      const template = await t.call('invoices.template', { module }, t.token.bona);
      const book = XLSX.read(Buffer.from(template.dataBase64, 'base64'), { type: 'buffer' });
      const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: true });
      expect(rows[0]).toEqual(templateHeaders(module));
      expect(rows).toHaveLength(2);
    }
  });

  it('is refused to a teller, who has no part in invoice batches', async () => {
    expect((await rejection(t.call('invoices.template', { module: 'einvoice' }, t.token.tono))).code).toBe('forbidden');
  });

  it('round-trips: the template filled in with SheetJS imports, the example row left out', async () => {
    const template = await t.call('invoices.template', { module: 'pintukelas' }, t.token.kiki);
    const book = XLSX.read(Buffer.from(template.dataBase64, 'base64'), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    XLSX.utils.sheet_add_aoa(
      sheet,
      [
        ['SD Tunas Bangsa', '4A', '0012345', 'Rina Lestari', 'Ibu Sri', '0813-1111-2222', '', 'SPP Desember 2026', 350_000, '10/12/2026'],
        ['SD Tunas Bangsa', '4A', '0012346', 'Dimas Putra', 'Bapak Joko', '', 'joko@contoh.co.id', 'SPP Desember 2026', '350.000', '10/12/2026'],
      ],
      { origin: 'A2' },
    );
    const result = await t.call('invoices.import', file('pintukelas', (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64')), t.token.kiki);
    expect(result).toMatchObject({ accepted: 2, rejected: 0, errors: [] });
    const listed = await t.call('invoices.list', { batchId: result.batchId }, t.token.kiki);
    expect(listed.invoices.map((i) => [i.number, i.customerName, i.amount, i.dueDate, i.fields.nis])).toEqual([
      ['0012345/SPP-DESEMBER-2026', 'Ibu Sri', 350_000, '2026-12-10', '0012345'],
      ['0012346/SPP-DESEMBER-2026', 'Bapak Joko', 350_000, '2026-12-10', '0012346'],
    ]);
    for (const invoice of listed.invoices) expect(parseVa(DEFAULT_VA_CONFIG, invoice.va)).toMatchObject({ ok: true, branchCode: branchVaCode('JKT01') });
  });

  it('refuses the template uploaded unchanged: its example row bills nobody', async () => {
    const template = await t.call('invoices.template', { module: 'einvoice' }, t.token.bona);
    const error = await rejection(t.call('invoices.import', file('einvoice', template.dataBase64), t.token.bona));
    expect(error.key).toBe('invoices.errors.noneAccepted');
    expect(error.fields).toEqual([{ path: 'rows.2.No Invoice', key: 'invoices.errors.exampleRow', params: { row: 2 } }]);
  });
});

describe('invoices.preview and invoices.import', () => {
  const mixed = () =>
    xlsx([
      EINVOICE,
      einvoice('INV-2026-001'),
      einvoice('INV-2026-002', { email: 'bukan-email' }),
      einvoice('INV-2026-003', { email: null, phone: null }),
      einvoice('INV-2026-004', { due: '01/11/2026' }),
      einvoice('INV-2026-005', { amount: '12,5' }),
      einvoice('INV-2026-006', { phone: '021-555-1234', email: null }),
      einvoice('INV-2026-007', { email: 'ADA@Contoh.co.id', phone: null }),
    ]);

  it('previews row by row with row, column, key and params, and stores nothing', async () => {
    const before = count(`SELECT count(*) AS n FROM journal`);
    const preview = await t.call('invoices.preview', file('einvoice', mixed()), t.token.bona);
    expect(preview.accepted).toBe(2);
    expect(preview.rows.map((r) => [r.row, r.number, r.email, r.phone])).toEqual([
      [2, 'INV-2026-001', 'inv-2026-001@pelanggan.co.id', '+6281234567890'],
      [8, 'INV-2026-007', 'ada@contoh.co.id', null],
    ]);
    expect(preview.errors).toEqual([
      { row: 3, column: 'Email', key: 'invoices.errors.email', params: { value: 'bukan-email' } },
      { row: 4, column: 'Email', key: 'invoices.errors.contactRequired', params: { email: 'Email', phone: 'No HP' } },
      { row: 5, column: 'Jatuh Tempo', key: 'invoices.errors.dueDatePast', params: { date: expect.any(String) as string } },
      { row: 6, column: 'Jumlah', key: 'invoices.errors.amountAmbiguous', params: { value: '12,5' } },
      { row: 7, column: 'No HP', key: 'invoices.errors.phoneNotMobile', params: { value: '021-555-1234' } },
    ]);
    expect(count(`SELECT count(*) AS n FROM journal`)).toBe(before);
    expect(count(`SELECT count(*) AS n FROM inv_invoices WHERE number LIKE 'INV-2026-%'`)).toBe(0);
  });

  it('imports the accepted rows only, each with a VA, and nothing of a rejected row', async () => {
    const result = await t.call('invoices.import', { ...file('einvoice', mixed()), channels: ['email', 'sms'] }, t.token.bona);
    expect(result).toMatchObject({ accepted: 2, rejected: 5 });
    expect(result.errors).toHaveLength(5);
    expect(count(`SELECT count(*) AS n FROM inv_invoices WHERE batch_id = ?`, result.batchId)).toBe(2);
    for (const n of ['002', '003', '004', '005', '006']) expect(count(`SELECT count(*) AS n FROM inv_invoices WHERE number = ?`, `INV-2026-${n}`)).toBe(0);
    const { batches } = await t.call('invoices.batches', {}, t.token.kamal);
    expect(batches[0]).toMatchObject({ id: result.batchId, module: 'einvoice', accepted: 2, rejected: 5, channels: ['email', 'sms'], createdBy: 'bona' });
    const listed = await t.call('invoices.list', { batchId: result.batchId }, t.token.bona);
    expect(listed.invoices.every((i) => i.status === 'unsent' && i.display === 'due')).toBe(true);
    expect(new Set(listed.invoices.map((i) => i.va)).size).toBe(2);
  });

  it('refuses a number an earlier batch holds, in any case, until that invoice is archived', async () => {
    const again = await t.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice(' inv-2026-001 ', { email: 'lagi@pelanggan.co.id' }), einvoice('INV-2026-010')])), t.token.bona);
    expect(again).toMatchObject({ accepted: 1, rejected: 1 });
    expect(again.errors).toEqual([{ row: 2, column: 'No Invoice', key: 'invoices.errors.numberExists', params: { number: 'inv-2026-001' } }]);
    const [first] = (await t.call('invoices.list', { text: 'INV-2026-001' }, t.token.bona)).invoices;
    await t.call('invoices.archive', { id: first!.id, reason: 'Jumlah salah, diganti tagihan baru' }, t.token.kiki);
    const corrected = await t.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice('INV-2026-001', { amount: 275_000 })])), t.token.bona);
    expect(corrected).toMatchObject({ accepted: 1, rejected: 0 });
    const both = (await t.call('invoices.list', { text: 'INV-2026-001' }, t.token.bona)).invoices;
    expect(both.map((i) => [i.status, i.amount]).sort()).toEqual([
      ['archived', 250_000],
      ['unsent', 275_000],
    ]);
    expect(both[0]!.va).not.toBe(both[1]!.va);
  });

  it('refuses a whole sheet with its problems and stores nothing: the other module, a bad header', async () => {
    const before = count(`SELECT count(*) AS n FROM inv_invoices`);
    const wrong = await rejection(t.call('invoices.import', file('pintukelas', xlsx([EINVOICE, einvoice('INV-X-1')])), t.token.bona));
    expect(wrong.code).toBe('bad_input');
    expect(wrong.key).toBe('invoices.errors.sheetRefused');
    expect(wrong.fields).toEqual([{ path: 'rows.1', key: 'invoices.errors.wrongModule', params: { row: 1, module: 'E-Invoice', expected: 'PintuKelas' } }]);
    const header = await rejection(t.call('invoices.import', file('einvoice', xlsx([[...EINVOICE.slice(0, 6), 'Catatan'], einvoice('INV-X-2')])), t.token.bona));
    expect(header.fields?.map((f) => [f.path, f.key])).toEqual([
      ['rows.1.Catatan', 'invoices.errors.unknownColumn'],
      ['rows.1.Keterangan', 'invoices.errors.missingColumn'],
    ]);
    expect(count(`SELECT count(*) AS n FROM inv_invoices`)).toBe(before);
  });

  it('refuses a formula cell, a file that is not a workbook, and an oversized or bad schedule precisely', async () => {
    const withFormula = xlsx([EINVOICE, einvoice('INV-F-1')], (sheet) => {
      sheet.E2 = { t: 'n', v: 250_000, f: '200000+50000' };
    });
    const formula = await rejection(t.call('invoices.import', file('einvoice', withFormula), t.token.bona));
    expect(formula.fields).toEqual([{ path: 'rows.2.Jumlah', key: 'invoices.errors.formula', params: { row: 2, cell: 'E2' } }]);
    expect((await rejection(t.call('invoices.import', file('einvoice', Buffer.from('No Invoice;Jumlah\n').toString('base64')), t.token.bona))).key).toBe('invoices.errors.unreadableSheet');
    const schedule = await rejection(t.call('invoices.import', { ...file('einvoice', xlsx([EINVOICE, einvoice('INV-S-1')])), reminders: { daysBefore: [3], daysAfter: [0] } }, t.token.bona));
    expect(schedule.fields?.[0]?.path).toBe('reminders.daysAfter.0');
    const channels = await rejection(t.call('invoices.import', { ...file('einvoice', xlsx([EINVOICE, einvoice('INV-S-1')])), channels: [] }, t.token.bona));
    expect(channels.fields).toEqual([{ path: 'channels', key: 'invoices.errors.channelRequired' }]);
  });
});

describe('archive, delete and the dashboard status', () => {
  async function oneInvoice(number: string, due = '30/11/2026') {
    const { batchId } = await t.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice(number, { due })])), t.token.bona);
    return (await t.call('invoices.list', { batchId }, t.token.bona)).invoices[0]!;
  }

  it('deletes an unsent invoice once, and refuses to delete one that was sent: archive it instead', async () => {
    const unsent = await oneInvoice('DEL-1');
    const deleted = await t.call('invoices.delete', { id: unsent.id, reason: 'Salah pelanggan' }, t.token.bona);
    expect(deleted).toMatchObject({ status: 'deleted', display: 'deleted', reason: 'Salah pelanggan' });
    expect((await rejection(t.call('invoices.delete', { id: unsent.id, reason: 'lagi' }, t.token.bona))).key).toBe('invoices.errors.deleted');
    // the row and its VA stay: the VA is never issued again
    expect(count(`SELECT count(*) AS n FROM inv_invoices WHERE va = ?`, unsent.va)).toBe(1);

    const sent = await oneInvoice('DEL-2');
    // no sending yet in this foundation: the notice going out is simulated on the table
    t.core.db.prepare(`UPDATE inv_invoices SET status = 'sent' WHERE id = ?`).run(sent.id);
    const refused = await rejection(t.call('invoices.delete', { id: sent.id, reason: 'Salah' }, t.token.bona));
    expect([refused.code, refused.key]).toEqual(['conflict', 'invoices.errors.wasSent']);
    expect((await t.call('invoices.archive', { id: sent.id, reason: 'Salah jumlah' }, t.token.kamal)).status).toBe('archived');
    expect((await rejection(t.call('invoices.archive', { id: sent.id, reason: 'lagi' }, t.token.kamal))).key).toBe('invoices.errors.archived');
  });

  it('asks for a reason and names an unknown invoice', async () => {
    const invoice = await oneInvoice('ARC-1');
    expect((await rejection(t.call('invoices.archive', { id: invoice.id, reason: '  ' }, t.token.bona))).fields).toEqual([{ path: 'reason', key: 'validation.required' }]);
    const unknown = await rejection(t.call('invoices.archive', { id: crypto.randomUUID(), reason: 'x' }, t.token.bona));
    expect([unknown.code, unknown.key]).toEqual(['not_found', 'invoices.errors.notFound']);
  });

  it('shows a live invoice as due through its due date and overdue from the day after', async () => {
    const invoice = await oneInvoice('DUE-1', '22/11/2026');
    expect(invoice.display).toBe('due');
    await t.travel(t.clock.now + 2 * 24 * HOUR);
    const overdue = await t.call('invoices.list', { status: 'overdue', text: 'DUE-1' }, t.token.bona);
    expect(overdue.invoices.map((i) => [i.number, i.display])).toEqual([['DUE-1', 'overdue']]);
    expect((await t.call('invoices.list', { status: 'due', text: 'DUE-1' }, t.token.bona)).total).toBe(0);
  });
});

describe('VA allocation', () => {
  it('moves past blocks other desks hold, wrapping around', () => {
    expect(freeDeskBlock(5, new Set([5, 6]))).toBe(7);
    expect(freeDeskBlock(DESK_BLOCKS - 1, new Set([DESK_BLOCKS - 1, 0]))).toBe(1);
  });

  it('gives two desks of one branch, importing offline, VAs that never meet', async () => {
    const desks = [await startTestCore(), await startTestCore()];
    try {
      const [a, b] = desks as [Awaited<ReturnType<typeof startTestCore>>, Awaited<ReturnType<typeof startTestCore>>];
      const aDevice = a.core.deviceId;
      const bDevice = b.core.deviceId;
      // Device ids are random: should the two hash to one block (1 in 1000), the desk that hears of
      // the other by sync moves on; that is simulated here by giving b the claim a's events carry.
      if (preferredDeskBlock(aDevice) === preferredDeskBlock(bDevice)) {
        b.core.db.prepare(`INSERT INTO inv_va_desks (block, device_id) VALUES (?, ?)`).run(preferredDeskBlock(aDevice), aDevice);
      }
      const vas: string[][] = [];
      for (const desk of [a, b]) {
        const admin = await desk.login(ADMIN.username, ADMIN.password);
        await desk.call('users.create', { username: 'bona', displayName: 'Bona', roles: ['back-office'], password: 'bona-sandi-123' }, admin);
        const token = await desk.login('bona', 'bona-sandi-123');
        const rows = Array.from({ length: 30 }, (_, i) => einvoice(`SAME-${i}`));
        const { batchId } = await desk.call('invoices.import', file('einvoice', xlsx([EINVOICE, ...rows])), token);
        vas.push((await desk.call('invoices.list', { batchId }, token)).invoices.map((i) => i.va));
      }
      const [fromA, fromB] = vas as [string[], string[]];
      expect(new Set([...fromA, ...fromB]).size).toBe(60);
      for (const va of [...fromA, ...fromB]) {
        expect(va).toHaveLength(19);
        expect(parseVa(DEFAULT_VA_CONFIG, va)).toMatchObject({ ok: true, branchCode: branchVaCode('JKT01') });
      }
      // each desk counts in its own block, from 1
      expect(fromA[0]!.slice(8, 11)).not.toBe(fromB[0]!.slice(8, 11));
      expect(fromA.map((va) => Number(va.slice(11, 18)))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      for (const desk of desks) await desk.close();
    }
  });

  it('learns a sister desk\'s invoices and VA block by sync, and keeps out of both', async () => {
    const desks: TestCore[] = [await startTestCore(), await startTestCore()];
    try {
      const [a, b] = desks as [TestCore, TestCore];
      const tokens: string[] = [];
      for (const desk of desks) {
        const admin = await desk.login(ADMIN.username, ADMIN.password);
        await desk.call('users.create', { username: 'bona', displayName: 'Bona', roles: ['back-office'], password: 'bona-sandi-123' }, admin);
        tokens.push(await desk.login('bona', 'bona-sandi-123'));
      }
      const [tokenA, tokenB] = tokens as [string, string];
      // b's own preferred block is held by a third desk it heard of: it moves on
      const preferred = preferredDeskBlock(b.core.deviceId);
      b.core.db.prepare(`INSERT INTO inv_va_desks (block, device_id) VALUES (?, 'desk-ketiga')`).run(preferred);
      const fromA = await a.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice('SYNC-1'), einvoice('SYNC-2')])), tokenA);
      const rows = journalRowsAfter(a.core, 'invoices.');
      const outcome = applyPulled(b.core.db, projectors, rows.map(asPulled), rows.at(-1)!.seq, b.clock.now);
      expect(outcome).toMatchObject({ applied: rows.length, failed: 0 });
      expect((await b.call('invoices.list', { batchId: fromA.batchId }, tokenB)).total).toBe(2);
      const blockA = (b.core.db.prepare(`SELECT block FROM inv_va_desks WHERE device_id = ?`).get(a.core.deviceId) as { block: number }).block;

      const fromB = await b.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice('SYNC-1'), einvoice('SYNC-3')])), tokenB);
      expect(fromB.errors.map((e) => e.key)).toEqual(['invoices.errors.numberExists']);
      const [invoice] = (await b.call('invoices.list', { batchId: fromB.batchId }, tokenB)).invoices;
      const blockB = Number(invoice!.va.slice(8, 11));
      expect(blockB).not.toBe(preferred);
      expect(blockB).not.toBe(blockA);
    } finally {
      for (const desk of desks) await desk.close();
    }
  });

  it('never reuses a sequence after a delete, and gives distinct branches distinct codes', async () => {
    expect(branchVaCode('JKT01')).not.toBe(branchVaCode('BDG01'));
    const before = count(`SELECT max(va_seq) AS n FROM inv_invoices`);
    const { batchId } = await t.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice('SEQ-1')])), t.token.bona);
    expect(count(`SELECT va_seq AS n FROM inv_invoices WHERE batch_id = ?`, batchId)).toBe(before + 1);
  });
});

describe('the VA setting', () => {
  it('shows the derived branch code until a supervisor enters the bank-assigned one, then uses it', async () => {
    expect(await t.call('invoices.vaConfig', {}, t.token.bona)).toEqual({ prefix: '8808', branchVaCode: branchVaCode('JKT01'), derived: true, length: 19, checkDigit: 'luhn' });
    expect((await rejection(t.call('invoices.configureVa', { prefix: '7001', branchVaCode: '0042' }, t.token.bona))).code).toBe('forbidden');
    const bad = await rejection(t.call('invoices.configureVa', { prefix: '70A1', branchVaCode: '42' }, t.token.kamal));
    expect(bad.fields).toEqual([
      { path: 'prefix', key: 'invoices.errors.vaConfigPrefix' },
      { path: 'branchVaCode', key: 'invoices.errors.vaBranchCode' },
    ]);
    expect(await t.call('invoices.configureVa', { prefix: '7001', branchVaCode: '0042' }, t.token.kamal)).toEqual({ prefix: '7001', branchVaCode: '0042', derived: false, length: 19, checkDigit: 'luhn' });
    const { batchId } = await t.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice('CFG-1')])), t.token.bona);
    const [invoice] = (await t.call('invoices.list', { batchId }, t.token.bona)).invoices;
    expect(parseVa({ ...DEFAULT_VA_CONFIG, prefix: '7001' }, invoice!.va)).toMatchObject({ ok: true, branchCode: '0042' });
  });

  it('drops the check digit when the bank uses none, and the desk sequence goes on', async () => {
    const before = (await t.call('invoices.list', { text: 'CFG-1' }, t.token.bona)).invoices[0]!;
    expect(await t.call('invoices.configureVa', { prefix: '7001', branchVaCode: '0042', checkDigit: 'none' }, t.token.kamal)).toMatchObject({ length: 18, checkDigit: 'none' });
    const { batchId } = await t.call('invoices.import', file('einvoice', xlsx([EINVOICE, einvoice('CFG-2')])), t.token.bona);
    const [invoice] = (await t.call('invoices.list', { batchId }, t.token.bona)).invoices;
    const parsed = parseVa({ ...DEFAULT_VA_CONFIG, prefix: '7001', checkDigit: 'none' }, invoice!.va);
    expect(parsed).toMatchObject({ ok: true, branchCode: '0042' });
    const earlier = parseVa({ ...DEFAULT_VA_CONFIG, prefix: '7001' }, before.va);
    expect(parsed.ok && earlier.ok && parsed.sequence).toBe(earlier.ok ? earlier.sequence + 1 : NaN);
  });
});
