import * as XLSX from 'xlsx';
import { templateHeaders } from '../../shared/invoices/templates';

/** An E-Invoice sheet of `rows` invoices as a bank's customer fills it: text, numbers and date cells. */
export function invoiceSheet(rows: number): Buffer {
  const data: unknown[][] = [templateHeaders('einvoice')];
  for (let i = 1; i <= rows; i += 1) {
    data.push([
      `INV/2026/${String(i).padStart(6, '0')}`,
      `PT Pelanggan Sejahtera ${i}`,
      `tagihan${i}@pelanggan.co.id`,
      `0812${String(10_000_000 + i).slice(-8)}`,
      150_000 + (i % 1000) * 1000,
      '31/12/2026',
      `Sewa ruang usaha Desember 2026, unit ${i}`,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), 'Tagihan');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
