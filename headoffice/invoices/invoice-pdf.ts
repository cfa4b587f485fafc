import { formatRupiah } from '../../shared/domain/money';
import { formatDate } from '../../shared/domain/time';
import { formatDayId } from '../../shared/invoices/days';
import { formatVaForReading, paymentInstructions, type NoticeInvoice } from '../../shared/invoices/notice';
import { heading, keyValues, paragraph, renderPdf, table, title } from '../../shared/pdf/pdf';

// The invoice as a document the customer can keep, print or forward to their finance team: the
// attachment of the notice email. Everything on it is what the notice says, laid out on A4.

export interface InvoicePdfOptions {
  /** the branch or company that bills */
  issuer: string;
  /** the issue date printed and written in the file; given, so the same invoice makes the same bytes */
  createdAt: number;
}

/** `INV/2026/001` → `tagihan-INV-2026-001.pdf`: an attachment name every mail client keeps intact. */
export function invoicePdfFileName(number: string): string {
  const safe = number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `tagihan-${safe || 'invoice'}.pdf`;
}

function customerPairs(invoice: NoticeInvoice): Array<readonly [string, string]> {
  if (invoice.module === 'einvoice') return [['Nama pelanggan', invoice.customerName]];
  const f = invoice.fields;
  return [
    ['Sekolah', f.school ?? ''],
    ['Kelas', f.className ?? ''],
    ['NIS', f.nis ?? ''],
    ['Nama siswa', f.studentName ?? ''],
    ['Nama wali', invoice.customerName],
  ];
}

/** The A4 invoice of `invoice`, as the bytes of a PDF file. */
export async function invoicePdf(invoice: NoticeInvoice, options: InvoicePdfOptions): Promise<Buffer> {
  const pintuKelas = invoice.module === 'pintukelas';
  const docTitle = `Tagihan ${invoice.number}`;
  const amount = formatRupiah(invoice.amount);
  const item = (pintuKelas ? invoice.fields.item || invoice.description : invoice.description) || `Tagihan ${invoice.number}`;
  return renderPdf({ title: docTitle, createdAt: options.createdAt, pageWord: 'Halaman', ofWord: 'dari' }, (doc) => {
    title(doc, docTitle, `${options.issuer} · Diterbitkan ${formatDate(options.createdAt, 'WIB', 'id')}`);
    keyValues(doc, [
      ['Diterbitkan oleh', options.issuer],
      [pintuKelas ? 'No. referensi' : 'No. tagihan', invoice.number],
      ['Jatuh tempo', formatDayId(invoice.dueDate)],
    ]);
    heading(doc, 'Ditagihkan kepada');
    keyValues(doc, customerPairs(invoice));
    heading(doc, 'Rincian tagihan');
    table(
      doc,
      [
        { header: pintuKelas ? 'Item tagihan' : 'Keterangan', width: 3 },
        { header: 'Jumlah', width: 1, align: 'right' },
      ],
      [
        [item, amount],
        ['Total', amount],
      ],
    );
    heading(doc, 'Cara pembayaran');
    keyValues(doc, [
      ['Virtual Account', formatVaForReading(invoice.va)],
      ['Jumlah yang dibayar', amount],
      ['Bayar paling lambat', formatDayId(invoice.dueDate)],
    ]);
    for (const sentence of paymentInstructions(invoice.amount, invoice.va)) {
      doc.moveDown(0.4);
      paragraph(doc, sentence);
    }
  });
}
