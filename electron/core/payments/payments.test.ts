import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import genericSyariah from '../../../tests/fixtures/statements/generic-syariah.csv?raw';
import type { ColumnMapping } from '../../../shared/statements/types';
import { rejection } from '../testing';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';

// The mutation-matching desk through the dispatcher, on a real temporary ledger: accounts,
// expected payments with unique codes, statement imports with de-duplication and matching, and
// manual verification with a second person's approval. The clock is the test core's (21/11/2026
// 10:00 WIB).
let t: ComplaintDesk;
let accountId: string;
beforeAll(async () => {
  t = await startComplaintDesk();
  accountId = (await t.call('payments.addAccount', { bank: 'BCA', number: '012-345-6789', holder: 'PT Serambi Nusantara' }, t.token.bona)).id;
});
afterAll(() => t.close());

const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A KlikBCA CSV of account 0123456789 for November 2026 with the given rows. */
function bca(rows: string[], account = '0123456789'): string {
  return [
    `No. rekening : ${account}`,
    'Nama : PT SERAMBI NUSANTARA',
    'Periode : 01/11/2026 - 21/11/2026',
    'Kode Mata Uang : IDR',
    '',
    'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo',
    ...rows,
    '',
    'Saldo Awal,1000000.00',
    'Mutasi Kredit,0',
    'Mutasi Debet,0',
    'Saldo Akhir,0',
    '',
  ].join('\n');
}

describe('expected payments', () => {
  it('gives each payment a code 1..999 so that no two open payments of the account share a total', async () => {
    const first = await t.call('payments.expect', { accountId, amount: 50_000, reference: 'INV-1' }, t.token.tono);
    const second = await t.call('payments.expect', { accountId, amount: 50_000, reference: 'INV-2' }, t.token.citra);
    for (const p of [first, second]) {
      expect(p.uniqueCode).toBeGreaterThanOrEqual(1);
      expect(p.uniqueCode).toBeLessThanOrEqual(999);
      expect(p.total).toBe(50_000 + p.uniqueCode);
      expect(p.status).toBe('open');
      expect(p.expiresAt).toBe(t.clock.now + 24 * 3_600_000);
    }
    expect(second.total).not.toBe(first.total);
    const accounts = await t.call('payments.accounts', {}, t.token.bona);
    expect(accounts.accounts[0]).toMatchObject({ number: '0123456789', codes: 'standalone', blocks: expect.arrayContaining([0, 19]) as number[] });
  });

  it('refuses a bad amount and an unknown account with precise messages', async () => {
    expect((await rejection(t.call('payments.expect', { accountId, amount: 0, reference: 'X' }, t.token.tono))).fields?.[0]).toMatchObject({ path: 'amount', key: 'payments.errors.amountPositive' });
    expect((await rejection(t.call('payments.expect', { accountId: crypto.randomUUID(), amount: 1000, reference: 'X' }, t.token.tono))).key).toBe('payments.errors.unknownAccount');
  });

  it('reads a bulk sheet all or nothing, each bad row named', async () => {
    const before = count(`SELECT count(*) AS n FROM pay_expected`);
    const bad = await rejection(t.call('payments.expectBulk', { accountId, fileName: 'bulk.csv', dataBase64: b64('ref,amount\nB-1,25.000\nB-1,10000\nB-3,12.5\n') }, t.token.bona));
    expect(bad.fields?.map((f) => [f.path, f.key])).toEqual([
      ['rows.3.ref', 'payments.errors.bulkDuplicateRef'],
      ['rows.4.amount', 'payments.errors.wholeRupiah'],
    ]);
    expect(count(`SELECT count(*) AS n FROM pay_expected`)).toBe(before);
    const good = await t.call('payments.expectBulk', { accountId, fileName: 'bulk.csv', dataBase64: b64('referensi;jumlah\nB-1;25.000\nB-2;25000\n') }, t.token.bona);
    expect(good.created).toBe(2);
    expect(new Set(good.payments.map((p) => p.total)).size).toBe(2);
  });
});

describe('statement import and matching', () => {
  it('matches a credit to the one open payment with its total, says why, and leaves the rest to a person', async () => {
    const payment = await t.call('payments.expect', { accountId, amount: 150_000, reference: 'ORDER-77', payerName: 'Budi' }, t.token.tono);
    const amount = `${payment.total}.00`;
    const file = bca([`'21/11,'TRSF E-BANKING CR 2111/FTSCY/WS95031 BUDI SANTOSO,'0000,${amount},CR,2000000.00`, `'21/11,'TRSF E-BANKING CR SITI,'0000,77777.00,CR,2077777.00`, `'21/11,'BIAYA ADM,'0000,10000.00,DB,2067777.00`]);
    const preview = await t.call('statement.preview', { accountId, fileName: 'bca.csv', dataBase64: b64(file) }, t.token.bona);
    expect(preview).toMatchObject({ format: 'bca', accountNumber: '0123456789', rows: 3, credits: 2, debits: 1, imported: 3, duplicates: 0 });
    expect(count(`SELECT count(*) AS n FROM pay_mutations`)).toBe(0);

    const result = await t.call('statement.import', { accountId, fileName: 'bca.csv', dataBase64: b64(file) }, t.token.bona);
    expect(result).toMatchObject({ imported: 3, matched: 1, ambiguous: 0, unmatched: 1 });
    const paid = (await t.call('payments.list', { text: 'ORDER-77' }, t.token.bona)).payments[0]!;
    expect(paid).toMatchObject({ status: 'paid', paidHow: 'auto', reason: { key: 'payments.reasons.unique', params: { code: payment.uniqueCode, when: '21/11' } } });
    const unmatched = (await t.call('mutations.list', { status: 'unmatched' }, t.token.bona)).rows;
    expect(unmatched.map((m) => [m.amountSen, m.reason?.key])).toEqual([[7_777_700, 'payments.reasons.noPayment']]);

    const again = await t.call('statement.import', { accountId, fileName: 'bca.csv', dataBase64: b64(file) }, t.token.bona);
    expect(again).toMatchObject({ imported: 0, duplicates: 3, matched: 0 });
  });

  it('keeps two genuine identical transfers of one day as two mutations, and re-importing adds neither again', async () => {
    const row = `'20/11,'SETORAN TUNAI,'0000,30000.00,CR,`;
    const file = bca([row, row]);
    expect((await t.call('statement.import', { accountId, fileName: 'a.csv', dataBase64: b64(file) }, t.token.bona)).imported).toBe(2);
    expect((await t.call('statement.import', { accountId, fileName: 'a.csv', dataBase64: b64(file) }, t.token.bona)).duplicates).toBe(2);
  });

  it('refuses a statement of another account, and a file with an unreadable row, importing nothing', async () => {
    const before = count(`SELECT count(*) AS n FROM pay_mutations`);
    expect((await rejection(t.call('statement.import', { accountId, fileName: 'x.csv', dataBase64: b64(bca([`'21/11,'X,'0000,1000.00,CR,1`], '999888777')) }, t.token.bona))).key).toBe(
      'statements.errors.otherAccount',
    );
    const bad = await rejection(t.call('statement.import', { accountId, fileName: 'y.csv', dataBase64: b64(bca([`'21/11,'X,'0000,1000.00,CR,1`, `'31/02,'Y,'0000,2000.00,CR,1`])) }, t.token.bona));
    expect(bad.key).toBe('statements.errors.rowsRefused');
    expect(bad.fields).toEqual([{ path: 'rows.8', key: 'statements.errors.date', params: { row: 8, value: '31/02' } }]);
    expect(count(`SELECT count(*) AS n FROM pay_mutations`)).toBe(before);
  });

  it('never auto-confirms a credit that two open payments could be', async () => {
    const p = await t.call('payments.expect', { accountId, amount: 90_000, reference: 'TWIN-1' }, t.token.tono);
    // a second open payment with the same total, as a desk from before code leases could have made
    t.core.db
      .prepare(`INSERT INTO pay_expected (id, account_id, base, code, total, reference, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'TWIN-2', 'open', ?, ?)`)
      .run(crypto.randomUUID(), accountId, p.base, p.uniqueCode, p.total, t.clock.now, p.expiresAt);
    const result = await t.call('statement.import', { accountId, fileName: 'b.csv', dataBase64: b64(bca([`'21/11,'TRSF TWIN,'0000,${p.total}.00,CR,5`])) }, t.token.bona);
    expect(result).toMatchObject({ matched: 0, ambiguous: 1 });
    const [row] = (await t.call('mutations.list', { status: 'ambiguous' }, t.token.bona)).rows;
    expect(row!.candidates).toHaveLength(2);
    expect((await t.call('payments.list', { text: 'TWIN-1' }, t.token.bona)).payments[0]!.status).toBe('open');
  });
});

describe('manual verification', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b50000000049454e44ae426082', 'hex');

  it('links an unmatched credit to a payment with the SOP evidence; only a second person approves it', async () => {
    const payment = await t.call('payments.expect', { accountId, amount: 64_000, reference: 'TYPO-1' }, t.token.tono);
    await t.call('statement.import', { accountId, fileName: 'c.csv', dataBase64: b64(bca([`'21/11,'TRSF TYPO NOMINAL,'0000,64000.00,CR,9`])) }, t.token.bona);
    const credit = (await t.call('mutations.list', { status: 'unmatched', text: 'TYPO' }, t.token.bona)).rows[0]!;
    const opened = await t.call('verification.open', { mutationId: credit.id }, t.token.bona);
    expect(opened).toMatchObject({ source: 'unmatched', status: 'open' });
    const receipt = await t.call('verification.attach', { fileName: 'struk.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }, t.token.bona);
    const evidence = { accountNumber: '123 456 7890', bankName: 'BRI', accountHolder: 'Budi Santoso', transferDate: '2026-11-21', attachmentId: receipt.attachmentId };

    expect((await rejection(t.call('verification.propose', { caseId: opened.id, decision: 'link', evidence }, t.token.bona))).fields?.[0]?.key).toBe('payments.errors.choosePayment');
    const proposed = await t.call('verification.propose', { caseId: opened.id, decision: 'link', paymentId: payment.id, evidence, note: 'nominal kurang kode unik' }, t.token.bona);
    expect(proposed).toMatchObject({ status: 'proposed', evidence: { accountNumber: '1234567890', fileName: 'struk.png' } });

    expect((await rejection(t.call('verification.approve', { caseId: opened.id }, t.token.bona))).key).toBe('payments.errors.sameApprover');
    const approved = await t.call('verification.approve', { caseId: opened.id }, t.token.kiki);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'Kiki', payment: { status: 'paid', paidHow: 'manual' }, mutation: { status: 'verified' } });
    expect(approved.history.map((h) => h.type)).toEqual(['verification.opened', 'verification.proposed', 'verification.approved']);
  });

  it('escalates a customer claim to operations with a clock in business time', async () => {
    const payment = await t.call('payments.expect', { accountId, amount: 70_000, reference: 'CLAIM-1' }, t.token.tono);
    const opened = await t.call('verification.open', { paymentId: payment.id, note: 'Nasabah sudah transfer 15 menit lalu' }, t.token.citra);
    expect(opened.source).toBe('claim');
    const escalated = await t.call('verification.escalate', { caseId: opened.id, note: 'Failed Top Up Pulsa' }, t.token.bona);
    expect(escalated.escalation).toMatchObject({ note: 'Failed Top Up Pulsa', sla: { state: 'running', elapsedMs: 0 } });
    expect(escalated.escalation!.sla.remainingMs).toBe(8 * 3_600_000);
  });
});

describe('a statement layout read through the account’s saved column mapping', () => {
  // the fixture's columns: No;Tanggal;Deskripsi;Nominal;Tipe;Saldo under a three-line preamble
  const SYARIAH: ColumnMapping = { headerRow: 4, date: 2, dateFormat: 'DD/MM/YYYY', description: 3, amount: 4, direction: 5, balance: 6, decimalSeparator: ',' };
  let syariahId: string;
  const file = { fileName: 'mutasi-syariah.csv', dataBase64: b64(genericSyariah) };
  const mappingEvents = () => count(`SELECT count(*) AS n FROM journal WHERE type = 'payments.mappingSaved'`);

  beforeAll(async () => {
    syariahId = (await t.call('payments.addAccount', { bank: 'BSI', number: '7123456789', holder: 'PT Serambi Nusantara' }, t.token.bona)).id;
  });

  it('is asked for when the file is a layout Serambi does not know', async () => {
    expect((await rejection(t.call('statement.preview', { accountId: syariahId, ...file }, t.token.bona))).key).toBe('statements.errors.unknownLayout');
    expect((await rejection(t.call('statement.preview', { accountId: syariahId, format: 'generic', ...file }, t.token.bona))).key).toBe('statements.errors.noMapping');
  });

  it('refuses a bad mapping field by field and saves nothing', async () => {
    const before = mappingEvents();
    const { amount: _amount, direction: _direction, ...noAmount } = SYARIAH;
    const missing = await rejection(t.call('payments.saveMapping', { accountId: syariahId, mapping: noAmount as ColumnMapping }, t.token.bona));
    expect(missing.code).toBe('bad_input');
    expect(missing.fields).toEqual([{ path: 'mapping.amount', key: 'statements.errors.mappingAmount' }]);

    const zero = await rejection(t.call('payments.saveMapping', { accountId: syariahId, mapping: { ...SYARIAH, date: 0, headerRow: 0 } }, t.token.bona));
    expect(zero.fields).toEqual([
      { path: 'mapping.headerRow', key: 'statements.errors.mappingHeaderRow' },
      { path: 'mapping.date', key: 'statements.errors.mappingColumn' },
    ]);
    const twice = await rejection(t.call('payments.saveMapping', { accountId: syariahId, mapping: { ...SYARIAH, balance: 4 } }, t.token.bona));
    expect(twice.fields).toEqual([{ path: 'mapping.balance', key: 'statements.errors.mappingSameColumn', params: { column: 'D' } }]);
    const format = await rejection(t.call('payments.saveMapping', { accountId: syariahId, mapping: { ...SYARIAH, dateFormat: 'YYYYMMDD' as never } }, t.token.bona));
    expect(format.fields?.map((f) => [f.path, f.key])).toEqual([['mapping.dateFormat', 'validation.oneOf']]);
    // a teller imports nothing, so sets no columns either
    expect((await rejection(t.call('payments.saveMapping', { accountId: syariahId, mapping: SYARIAH }, t.token.tono))).code).toBe('forbidden');

    expect(mappingEvents()).toBe(before);
    expect((await t.call('payments.accounts', {}, t.token.bona)).accounts.find((a) => a.id === syariahId)?.mapping).toBeNull();
  });

  it('is saved once, shown on the account, and then reads the file for preview and import', async () => {
    const saved = await t.call('payments.saveMapping', { accountId: syariahId, mapping: { ...SYARIAH, extra: 1 } as ColumnMapping }, t.token.bona);
    expect(saved.mapping).toEqual(SYARIAH);
    expect((await t.call('payments.accounts', {}, t.token.tono)).accounts.find((a) => a.id === syariahId)?.mapping).toEqual(SYARIAH);

    const preview = await t.call('statement.preview', { accountId: syariahId, ...file }, t.token.bona);
    expect(preview).toMatchObject({ format: 'generic', accountNumber: '7123456789', rows: 3, credits: 2, debits: 1, imported: 3, duplicates: 0, errors: [] });
    expect(preview.sample.map((m) => [m.date, m.direction, m.amountSen, m.description])).toEqual([
      ['2026-11-24', 'CR', 100_000_000, 'SETORAN TUNAI CABANG JAKARTA'],
      ['2026-11-25', 'CR', 5_000_900, 'TRANSFER MASUK DARI BUDI SANTOSO'],
      ['2026-11-25', 'DB', 1_500_000, 'BIAYA ADMINISTRASI'],
    ]);
    const imported = await t.call('statement.import', { accountId: syariahId, ...file }, t.token.bona);
    expect(imported).toMatchObject({ format: 'generic', imported: 3, duplicates: 0 });
    expect((await t.call('mutations.list', { accountId: syariahId }, t.token.bona)).total).toBe(3);
    // the other account keeps its own layout: its BCA files are still read as BCA
    expect((await t.call('payments.accounts', {}, t.token.bona)).accounts.find((a) => a.id === accountId)?.mapping).toBeNull();
  });

  it('shows a mapping saved before the contract checked mappings as none, and the import says to set it again', async () => {
    t.core.db.prepare(`UPDATE pay_accounts SET mapping = ? WHERE id = ?`).run(JSON.stringify({ tanggal: 'B' }), syariahId);
    expect((await t.call('payments.accounts', {}, t.token.bona)).accounts.find((a) => a.id === syariahId)?.mapping).toBeNull();
    expect((await rejection(t.call('statement.preview', { accountId: syariahId, ...file }, t.token.bona))).key).toBe('statements.errors.badMapping');
  });
});
