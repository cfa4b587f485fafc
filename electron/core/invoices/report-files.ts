import * as XLSX from 'xlsx';
import type { InvoiceReportView } from '../../../shared/api/methods/invoices';
import { formatRupiah } from '../../../shared/domain/money';
import { formatDateTime, type TimeLocale, type Zone } from '../../../shared/domain/time';
import { heading, keyValues, renderPdf, table, title } from '../../../shared/pdf/pdf';

// The invoice reports as files for the merchant or school and the branch's books: a workbook whose
// amounts are numbers (to sum and pivot in Excel) and a PDF to print or send. Both are pure
// functions of the report, in the user's language.

const WORDS = {
  transactions: { id: 'Laporan Transaksi Tagihan', en: 'Invoice Transaction Report' },
  reconciliation: { id: 'Laporan Rekonsiliasi Tagihan', en: 'Invoice Reconciliation Report' },
  period: { id: 'Periode', en: 'Period' },
  branch: { id: 'Cabang', en: 'Branch' },
  generated: { id: 'Dibuat', en: 'Generated' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  details: { id: 'Rincian', en: 'Details' },
  perDay: { id: 'Total per hari', en: 'Totals per day' },
  status: { id: 'Status', en: 'Status' },
  count: { id: 'Jumlah tagihan', en: 'Invoices' },
  amount: { id: 'Jumlah (Rp)', en: 'Amount (Rp)' },
  number: { id: 'No Invoice', en: 'Invoice no.' },
  customer: { id: 'Pelanggan', en: 'Customer' },
  batch: { id: 'Batch', en: 'Batch' },
  va: { id: 'VA', en: 'VA' },
  due: { id: 'Jatuh Tempo', en: 'Due date' },
  paidAt: { id: 'Dibayar', en: 'Paid at' },
  paymentId: { id: 'ID Pembayaran', en: 'Payment id' },
  bank: { id: 'Bank', en: 'Bank' },
  invoiceAmount: { id: 'Tagihan (Rp)', en: 'Invoice (Rp)' },
  paidAmount: { id: 'Dibayar (Rp)', en: 'Paid (Rp)' },
  difference: { id: 'Selisih (Rp)', en: 'Difference (Rp)' },
  day: { id: 'Tanggal', en: 'Day' },
  payments: { id: 'Pembayaran', en: 'Payments' },
  truncated: { id: 'Daftar dipotong; ringkasan menghitung semua baris.', en: 'List cut short; the summary counts every row.' },
  page: { id: 'Halaman', en: 'Page' },
  of: { id: 'dari', en: 'of' },
} as const;

const STATUS = {
  all: { id: 'Semua', en: 'All' },
  due: { id: 'Jatuh Tempo', en: 'Due' },
  overdue: { id: 'Lewat Jatuh Tempo', en: 'Overdue' },
  paid: { id: 'Lunas', en: 'Paid' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
  deleted: { id: 'Dihapus', en: 'Deleted' },
} as const;

export interface ReportFileOptions {
  locale: TimeLocale;
  zone: Zone;
  branch: string | null;
  generatedAt: number;
}

const w = (key: keyof typeof WORDS, locale: TimeLocale) => WORDS[key][locale];
const statusWord = (s: string, locale: TimeLocale) => STATUS[s as keyof typeof STATUS]?.[locale] ?? s;
/** `DD/MM/YYYY` from `YYYY-MM-DD`, as the branch writes dates */
const day = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const STATUS_ORDER = ['due', 'overdue', 'paid', 'archived', 'all'];

export function reportFileName(report: InvoiceReportView, format: 'xlsx' | 'pdf', branch: string | null): string {
  const kind = report.kind === 'transactions' ? 'transaksi' : 'rekonsiliasi';
  return `laporan-${kind}-tagihan-${branch ?? 'cabang'}-${report.from}-${report.to}.${format}`;
}

function header(report: InvoiceReportView, o: ReportFileOptions): (string | number)[][] {
  return [
    [w(report.kind, o.locale)],
    [w('period', o.locale), `${day(report.from)} – ${day(report.to)}`],
    [w('branch', o.locale), o.branch ?? '–'],
    [w('generated', o.locale), formatDateTime(o.generatedAt, o.zone, o.locale)],
    [],
  ];
}

function summaryRows(report: InvoiceReportView, o: ReportFileOptions): (string | number)[][] {
  if (report.kind === 'transactions') {
    return STATUS_ORDER.filter((s) => report.totals[s]).map((s) => [statusWord(s, o.locale), report.totals[s]!.count, report.totals[s]!.amount]);
  }
  return report.days.map((d) => [day(d.day), d.count, d.amount]);
}

function detailRows(report: InvoiceReportView, o: ReportFileOptions): { headers: string[]; rows: (string | number | null)[][] } {
  const at = (ms: number | null) => (ms === null ? null : formatDateTime(ms, o.zone, o.locale));
  if (report.kind === 'transactions') {
    return {
      headers: [w('number', o.locale), w('customer', o.locale), w('va', o.locale), w('amount', o.locale), w('due', o.locale), w('status', o.locale), w('paidAt', o.locale), w('batch', o.locale)],
      rows: report.transactions.map((t) => [t.number, t.customerName, t.va, t.amount, day(t.dueDate), statusWord(t.display, o.locale), at(t.paidAt), t.fileName]),
    };
  }
  return {
    headers: [w('paidAt', o.locale), w('paymentId', o.locale), w('va', o.locale), w('bank', o.locale), w('number', o.locale), w('customer', o.locale), w('invoiceAmount', o.locale), w('paidAmount', o.locale), w('difference', o.locale)],
    rows: report.reconciliation.map((r) => [at(r.paidAt), r.paymentId, r.va, r.bank, r.number, r.customerName, r.invoiceAmount, r.paidAmount, r.difference]),
  };
}

export function invoiceReportXlsx(report: InvoiceReportView, o: ReportFileOptions): Buffer {
  const book = XLSX.utils.book_new();
  const summaryHead = report.kind === 'transactions' ? [w('status', o.locale), w('count', o.locale), w('amount', o.locale)] : [w('day', o.locale), w('payments', o.locale), w('amount', o.locale)];
  const summary = XLSX.utils.aoa_to_sheet([...header(report, o), summaryHead, ...summaryRows(report, o)]);
  summary['!cols'] = [{ wch: 22 }, { wch: 28 }, { wch: 18 }];
  XLSX.utils.book_append_sheet(book, summary, w(report.kind === 'transactions' ? 'summary' : 'perDay', o.locale).slice(0, 31));
  const detail = detailRows(report, o);
  const sheet = XLSX.utils.aoa_to_sheet([detail.headers, ...detail.rows, ...(report.truncated ? [[], [w('truncated', o.locale)]] : [])]);
  sheet['!cols'] = detail.headers.map((h) => ({ wch: Math.max(14, h.length + 4) }));
  XLSX.utils.book_append_sheet(book, sheet, w('details', o.locale));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

export function invoiceReportPdf(report: InvoiceReportView, o: ReportFileOptions): Promise<Buffer> {
  const money = (n: number) => formatRupiah(n);
  return renderPdf({ title: w(report.kind, o.locale), createdAt: o.generatedAt, pageWord: w('page', o.locale), ofWord: w('of', o.locale) }, (doc) => {
    title(doc, w(report.kind, o.locale), `${w('period', o.locale)} ${day(report.from)} – ${day(report.to)}`);
    keyValues(doc, [
      [w('branch', o.locale), o.branch ?? '–'],
      [w('generated', o.locale), formatDateTime(o.generatedAt, o.zone, o.locale)],
    ]);
    heading(doc, w(report.kind === 'transactions' ? 'summary' : 'perDay', o.locale));
    const summaryHead = report.kind === 'transactions' ? w('status', o.locale) : w('day', o.locale);
    table(
      doc,
      [{ header: summaryHead, width: 2 }, { header: w(report.kind === 'transactions' ? 'count' : 'payments', o.locale), width: 1, align: 'right' }, { header: w('amount', o.locale), width: 2, align: 'right' }],
      summaryRows(report, o).map(([label, count, amount]) => [String(label), Number(count), money(Number(amount))]),
    );
    heading(doc, w('details', o.locale));
    const detail = detailRows(report, o);
    const moneyColumns = report.kind === 'transactions' ? new Set([3]) : new Set([6, 7, 8]);
    table(
      doc,
      detail.headers.map((h, i) => ({ header: h, width: i === 1 || i === 5 ? 1.6 : 1.2, ...(moneyColumns.has(i) ? { align: 'right' as const } : {}) })),
      detail.rows.map((row) => row.map((cell, i) => (moneyColumns.has(i) && typeof cell === 'number' ? money(cell) : cell))),
    );
    if (report.truncated) keyValues(doc, [['', w('truncated', o.locale)]]);
  });
}
