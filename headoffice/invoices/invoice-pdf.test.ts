import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { NoticeInvoice } from '../../shared/invoices/notice';
import { invoicePdf, invoicePdfFileName } from './invoice-pdf';

// pdfkit compresses its content streams: inflate them and collect the strings the text operators
// show (hex strings in TJ/Tj, WinAnsi), the way the branch's report tests read their PDFs.
function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  for (let m = start.exec(raw); m; m = start.exec(raw)) {
    const from = m.index + m[0].length;
    const end = raw.indexOf('endstream', from);
    if (end < 0) break;
    const bytes = pdf.subarray(from, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const t of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = t[1] !== undefined ? [...t[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [t[2]!];
      lines.push(hexes.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
    }
    start.lastIndex = end + 'endstream'.length;
  }
  return lines;
}

const CREATED = Date.parse('2026-11-14T03:00:00Z');

const einvoice: NoticeInvoice = {
  number: 'INV/2026/11/0042',
  customerName: 'PT Sumber Rejeki Abadi',
  amount: 1_250_000,
  dueDate: '2026-11-21',
  va: '8808100100000427',
  description: 'Jasa konsultasi pajak November 2026',
  module: 'einvoice',
  fields: {},
};

const pintuKelas: NoticeInvoice = {
  number: '0012345/SPP-JULI-2026',
  customerName: 'Siti Aminah',
  amount: 750_000,
  dueDate: '2026-07-10',
  va: '88081001000004271',
  description: null,
  module: 'pintukelas',
  fields: { school: 'SMP Harapan Bangsa', className: '7A', nis: '0012345', studentName: 'Rizky Pratama', item: 'SPP Juli 2026' },
};

describe('the invoice PDF', () => {
  it('is an A4 PDF with the issuer, customer, item, amount, due date, VA and how to pay', async () => {
    const pdf = await invoicePdf(einvoice, { issuer: 'PT Maju Jaya', createdAt: CREATED });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const lines = pdfText(pdf);
    // a paragraph wraps into several lines: read them as one text
    const text = lines.join(' ').replace(/\s+/g, ' ');
    expect(lines).toContain('Tagihan INV/2026/11/0042');
    expect(text).toContain('PT Maju Jaya · Diterbitkan 14/11/2026');
    expect(lines).toContain('PT Sumber Rejeki Abadi');
    expect(lines).toContain('Jasa konsultasi pajak November 2026');
    expect(lines).toContain('Rp 1.250.000');
    expect(lines).toContain('21/11/2026');
    expect(lines).toContain('8808 1001 0000 0427');
    expect(text).toContain('transfer TEPAT Rp 1.250.000');
    expect(text).toContain('jumlah lain akan ditolak');
  });

  it('names the school, class, NIS, student, guardian and item of a PintuKelas bill', async () => {
    const lines = pdfText(await invoicePdf(pintuKelas, { issuer: 'SMP Harapan Bangsa', createdAt: CREATED }));
    for (const expected of ['Sekolah', 'SMP Harapan Bangsa', 'Kelas', '7A', 'NIS', '0012345', 'Nama siswa', 'Rizky Pratama', 'Nama wali', 'Siti Aminah', 'Item tagihan', 'SPP Juli 2026', 'Rp 750.000', '10/07/2026', '8808 1001 0000 0427 1']) {
      expect(lines).toContain(expected);
    }
  });

  it('makes the same bytes from the same input', async () => {
    const a = await invoicePdf(einvoice, { issuer: 'PT Maju Jaya', createdAt: CREATED });
    const b = await invoicePdf(einvoice, { issuer: 'PT Maju Jaya', createdAt: CREATED });
    expect(a.equals(b)).toBe(true);
    const later = await invoicePdf(einvoice, { issuer: 'PT Maju Jaya', createdAt: CREATED + 86_400_000 });
    expect(later.equals(a)).toBe(false);
  });

  it('prints names outside the PDF fonts without breaking the file', async () => {
    const pdf = await invoicePdf({ ...einvoice, customerName: 'Nguyễn Thị Ánh 王' }, { issuer: 'PT Maju Jaya', createdAt: CREATED });
    expect(pdfText(pdf)).toContain('Nguy?n Th? Ánh ?');
  });

  it('has a file name mail clients keep', () => {
    expect(invoicePdfFileName('INV/2026/11/0042')).toBe('tagihan-INV-2026-11-0042.pdf');
    expect(invoicePdfFileName('../..')).toBe('tagihan-..-...pdf');
    expect(invoicePdfFileName('///')).toBe('tagihan-invoice.pdf');
  });
});
