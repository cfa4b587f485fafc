import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { weeklyReport } from '../../../shared/complaints/report';
import { ARTICLE, COMPLAINTS_AROUND_2026_W47, EXPECTED_2026_W47_WIB } from '../../../tests/fixtures/complaints/week-2026-w47';
import { pdfStructure, pdfTextLines } from './testing';
import { weeklyReportPdf } from './weekly-pdf';
import { WEEKLY_SHEETS, weeklyReportXlsx } from './weekly-xlsx';

const report = weeklyReport(COMPLAINTS_AROUND_2026_W47, { week: '2026-W47', zone: 'WIB' });
const articles = [
  { id: ARTICLE.paidNotUpdated, question: 'Notifikasi paid tidak update sedangkan konsumen sudah bayar' },
  { id: ARTICLE.createVaFailed, question: 'Gagal melakukan create VA MAS' },
];
const generatedAt = Date.parse('2026-11-23T02:00:00Z');

function rowsOf(book: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: false });
}

/** The value next to a label in a sheet of label/value rows. */
const valueOf = (rows: unknown[][], label: string) => rows.find((r) => r[0] === label)?.slice(1);

describe('the weekly evaluation as a workbook', () => {
  const book = XLSX.read(weeklyReportXlsx(report, { articles, generatedAt, branch: 'JKT01' }));
  const names = WEEKLY_SHEETS.id;

  it('has the summary and one sheet per breakdown', () => {
    expect(book.SheetNames).toEqual([names.summary, names.category, names.channel, names.status, names.articles]);
  });

  it('reads back the hand-counted figures of the fixture week, as numbers', () => {
    const summary = rowsOf(book, names.summary);
    expect(valueOf(summary, 'Minggu')).toEqual(['2026-W47']);
    expect(valueOf(summary, 'Periode')).toEqual(['16 November 2026 – 22 November 2026']);
    expect(valueOf(summary, 'Cabang')).toEqual(['JKT01']);
    expect(valueOf(summary, 'Jumlah keluhan')).toEqual([EXPECTED_2026_W47_WIB.total]);
    const fr = EXPECTED_2026_W47_WIB.firstResponse;
    const res = EXPECTED_2026_W47_WIB.resolution;
    expect(valueOf(summary, 'Respons pertama')).toEqual([fr.met, fr.breached, fr.pending, fr.percent]);
    expect(valueOf(summary, 'Penyelesaian')).toEqual([res.met, res.breached, res.pending, res.percent]);
    expect(valueOf(summary, 'Keluhan selesai')).toEqual([8]);
    expect(valueOf(summary, 'Median (jam)')).toEqual([1.5]);
    expect(valueOf(summary, 'Persentil ke-90 (jam)')).toEqual([26]);
    expect(valueOf(summary, 'Keluhan yang dieskalasi')).toEqual([5]);
    expect(valueOf(summary, 'Jumlah eskalasi')).toEqual([7]);

    expect(rowsOf(book, names.category)).toEqual([
      ['Kategori', 'Jumlah'],
      ['Penagihan', 3],
      ['Pencairan Pinjaman', 3],
      ['Konfirmasi Pembayaran', 4],
      ['Metode Pembayaran', 2],
      ['Total', 12],
    ]);
    expect(rowsOf(book, names.channel).slice(1)).toEqual([
      ['Hotline', 5],
      ['Media sosial resmi', 1],
      ['Live chat', 2],
      ['Email', 2],
      ['Datang ke cabang', 2],
      ['Total', 12],
    ]);
    const statuses = Object.fromEntries(rowsOf(book, names.status).slice(1, -1) as [string, number][]);
    expect(statuses).toEqual({ Terbuka: 1, 'Menunggu nasabah': 1, 'Dieskalasi ke CS Manager': 0, 'Dieskalasi ke departemen': 1, Selesai: 8, 'Dibuka kembali': 1 });
  });

  it('lists the top articles with their names where known', () => {
    expect(rowsOf(book, names.articles)).toEqual([
      ['ID artikel', 'Artikel', 'Jumlah keluhan'],
      [ARTICLE.paidNotUpdated, articles[0]!.question, 5],
      [ARTICLE.createVaFailed, articles[1]!.question, 3],
      [ARTICLE.cannotLogin, undefined, 2],
      [ARTICLE.howToCreateVa, undefined, 1],
    ]);
    // an article without a name keeps its cell empty, the count stays in its column
    expect(book.Sheets[names.articles]!.C4!.v).toBe(2);
  });

  it('writes English when asked, and an empty week without a percentage', () => {
    const empty = weeklyReport([], { week: '2026-W01', zone: 'WITA' });
    const en = XLSX.read(weeklyReportXlsx(empty, { locale: 'en' }));
    expect(en.SheetNames[0]).toBe('Summary');
    const summary = rowsOf(en, 'Summary');
    expect(valueOf(summary, 'Complaints')).toEqual([0]);
    expect(valueOf(summary, 'First response')).toEqual([0, 0, 0]);
    expect(valueOf(summary, 'Median (hours)')).toEqual([]);
  });
});

describe('the weekly evaluation as a PDF', () => {
  it('is a PDF whose text carries the figures, charts and article names', async () => {
    const pdf = await weeklyReportPdf(report, { articles, generatedAt, branch: 'JKT01' });
    const structure = pdfStructure(pdf);
    expect(structure.header).toBe('%PDF-1.3');
    expect(structure.title).toBe('Evaluasi Mingguan Keluhan 2026-W47');
    expect(structure.pages).toBeGreaterThanOrEqual(1);
    const lines = pdfTextLines(pdf);
    const text = lines.join('\n');
    expect(lines[0]).toBe('Evaluasi Mingguan Keluhan 2026-W47');
    expect(lines).toContain('JKT01 · 16 November 2026 – 22 November 2026 · WIB');
    // the SLA table: header then one row per target
    const row = (label: string) => lines.slice(lines.indexOf(label), lines.indexOf(label) + 5);
    expect(row('Respons pertama')).toEqual(['Respons pertama', '9', '2', '1', '81,8%']);
    expect(row('Penyelesaian')).toEqual(['Penyelesaian', '6', '2', '4', '75%']);
    expect(text).toContain('1 j 30 m');
    expect(text).toContain('26 j');
    // bars: each label is followed by its count
    const bar = (label: string) => lines[lines.indexOf(label) + 1];
    expect(bar('Konfirmasi Pembayaran')).toBe('4');
    expect(bar('Hotline')).toBe('5');
    expect(bar('Selesai')).toBe('8');
    expect(bar(articles[0]!.question)).toBe('5');
    expect(text).toContain(ARTICLE.cannotLogin);
    expect(text).toMatch(/Halaman 1 dari \d/);
  });

  it('makes the same bytes from the same report', async () => {
    const a = await weeklyReportPdf(report, { generatedAt });
    const b = await weeklyReportPdf(report, { generatedAt });
    expect(a.equals(b)).toBe(true);
  });
});
