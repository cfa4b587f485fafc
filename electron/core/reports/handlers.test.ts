import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, rejection, startTestCore, type TestCore } from '../testing';
import { pdfStructure, pdfTextLines } from './testing';

// complaints.exportWeekly and complaints.exportReport through the dispatcher, on a real ledger:
// the files carry what the desk recorded, in the files' formats, for the roles the contract names.
let t: TestCore;
const token: Record<'siti' | 'maya' | 'rudi', string> = { siti: '', maya: '', rudi: '' };
let complaintId = '';
let complaintNumber = '';

beforeAll(async () => {
  t = await startTestCore();
  const admin = await t.login(ADMIN.username, ADMIN.password);
  const staff = [
    { username: 'siti', displayName: 'Siti Rahma', roles: ['cs'] },
    { username: 'maya', displayName: 'Maya Sari', roles: ['cs-manager'] },
    { username: 'rudi', displayName: 'Rudi Teller', roles: ['teller'] },
  ] as const;
  for (const s of staff) {
    await t.call('users.create', { ...s, roles: [...s.roles], password: `${s.username}-sandi-1` }, admin);
    token[s.username] = await t.login(s.username, `${s.username}-sandi-1`);
  }
  const created = await t.call(
    'complaints.create',
    {
      customer: { name: 'Budi Santoso', phone: '0812-3456-7890', nik: '3201011205900001' },
      verifiedBy: 'nik',
      category: 'metode-pembayaran',
      channel: 'hotline',
      description: 'Nasabah bertanya cara mendapatkan kode pembayaran',
      facts: { canUseApp: true },
    },
    token.siti,
  );
  complaintId = created.id;
  complaintNumber = created.number;
  t.clock.advance(5 * 60_000);
  await t.call('complaints.contact', { id: complaintId, note: 'Dijelaskan lewat telepon' }, token.siti);
  t.clock.advance(10 * 60_000);
  await t.call(
    'complaints.resolve',
    {
      id: complaintId,
      report: { problem: 'Belum tahu kode bayar', cause: 'Belum pernah memakai aplikasi', actionsTaken: ['Arahkan ke menu Bayar di aplikasi'], resolvedBy: 'cs', customerInformed: true, paymentCodeGivenByCs: false },
    },
    token.siti,
  );
  // the others' sessions locked while the clock moved on: they log in again
  for (const name of ['maya', 'rudi'] as const) token[name] = await t.login(name, `${name}-sandi-1`);
});
afterAll(() => t?.close());

describe('complaints.exportWeekly', () => {
  it('gives the CS manager the week as a workbook with the desk’s figures', async () => {
    const file = await t.call('complaints.exportWeekly', { week: '2026-W47', format: 'xlsx' }, token.maya);
    expect(file.fileName).toBe('evaluasi-keluhan-JKT01-2026-W47.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = XLSX.read(Buffer.from(file.dataBase64, 'base64'));
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Ringkasan']!, { header: 1 });
    expect(summary).toContainEqual(['Cabang', 'JKT01']);
    expect(summary).toContainEqual(['Jumlah keluhan', 1]);
    expect(summary).toContainEqual(['Keluhan selesai', 1]);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Kategori']!, { header: 1 })).toContainEqual(['Metode Pembayaran', 1]);
  });

  it('and as a PDF', async () => {
    const file = await t.call('complaints.exportWeekly', { week: '2026-W47', format: 'pdf' }, token.maya);
    expect(file).toMatchObject({ fileName: 'evaluasi-keluhan-JKT01-2026-W47.pdf', mimeType: 'application/pdf' });
    const pdf = Buffer.from(file.dataBase64, 'base64');
    expect(pdfStructure(pdf).title).toBe('Evaluasi Mingguan Keluhan 2026-W47');
    const lines = pdfTextLines(pdf);
    expect(lines[lines.indexOf('Hotline') + 1]).toBe('1');
    expect(lines[lines.indexOf('Selesai') + 1]).toBe('1');
  });

  it('is not for the CS, and refuses a week that is not one', async () => {
    expect((await rejection(t.call('complaints.exportWeekly', { week: '2026-W47', format: 'xlsx' }, token.siti))).code).toBe('forbidden');
    expect((await rejection(t.call('complaints.exportWeekly', { week: 'minggu ini', format: 'xlsx' }, token.maya))).code).toBe('bad_input');
  });
});

describe('complaints.exportReport', () => {
  it('gives the desk the complaint’s PDF: customer, timeline and resolution report', async () => {
    const file = await t.call('complaints.exportReport', { id: complaintId }, token.siti);
    expect(file).toMatchObject({ fileName: `${complaintNumber}.pdf`, mimeType: 'application/pdf' });
    const lines = pdfTextLines(Buffer.from(file.dataBase64, 'base64'));
    const after = (label: string) => lines[lines.indexOf(label) + 1];
    expect(lines[0]).toBe(`Laporan Keluhan ${complaintNumber}`);
    expect(after('Kategori')).toBe('Metode Pembayaran');
    expect(after('Status')).toBe('Selesai');
    expect(after('NIK')).toBe('3201011205900001');
    expect(after('Dicatat')).toBe('21/11/2026 10:00 WIB');
    expect(after('Permasalahan')).toBe('Belum tahu kode bayar');
    expect(after('Kode pembayaran diberikan CS')).toBe('Tidak');
    expect(lines).toContain('Dijelaskan lewat telepon');
  });

  it('answers not found for an unknown complaint, and nothing to a teller', async () => {
    expect((await rejection(t.call('complaints.exportReport', { id: '00000000-0000-4000-8000-000000000000' }, token.maya))).code).toBe('not_found');
    expect((await rejection(t.call('complaints.exportReport', { id: complaintId }, token.rudi))).code).toBe('forbidden');
  });
});
