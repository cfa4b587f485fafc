import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../../shared/complaints/sla';
import { pdfSafe } from '../../../shared/pdf/pdf';
import { complaintPdf, complaintPdfFileName, type ComplaintForPdf } from './complaint-pdf';
import { pdfStructure, pdfTextLines } from './testing';

const at = (iso: string) => Date.parse(iso);
const clock = (state: SlaClock['state'], dueAt: string, overdueMs = 0): SlaClock => ({ state, elapsedMs: 0, remainingMs: 0, overdueMs, dueAt: at(dueAt) });

const resolved: ComplaintForPdf = {
  id: 'c-1',
  number: 'KL-JKT01-000042',
  category: 'pencairan-pinjaman',
  channel: 'hotline',
  status: 'resolved',
  description: 'Dana pinjaman belum masuk ke rekening sejak pagi — sudah lebih dari 2 jam.',
  createdAt: at('2026-11-20T02:00:00Z'),
  createdBy: 'Siti Rahma',
  firstResponseAt: at('2026-11-20T02:08:00Z'),
  resolvedAt: at('2026-11-20T05:00:00Z'),
  sla: { firstResponse: clock('met', '2026-11-20T02:15:00Z'), resolution: clock('breached', '2026-11-20T04:00:00Z', 3_600_000) },
  customer: { name: 'Budi Santoso', phone: '+6281234567890', nik: '3171012345678901' },
  verifiedBy: 'nik',
  stepsDone: ['verifikasi', 'cek-status-pencairan'],
  department: 'Finance',
  timeline: [
    { at: at('2026-11-20T02:00:00Z'), type: 'complaint.logged', by: 'Siti Rahma', note: null, department: null },
    { at: at('2026-11-20T02:30:00Z'), type: 'complaint.escalated', by: 'Siti Rahma', note: 'Mohon cek transfer', department: null },
    { at: at('2026-11-20T03:00:00Z'), type: 'complaint.escalated', by: 'Andi Manager', note: 'Cek mutasi bank', department: 'Finance' },
    { at: at('2026-11-20T05:00:00Z'), type: 'complaint.resolved', by: 'Andi Manager', note: null, department: null },
  ],
  articles: [{ id: 'gagal-melakukan-create-va-mas', question: 'Gagal melakukan create VA MAS' }],
  attachments: [{ fileName: 'bukti-transfer.pdf', mimeType: 'application/pdf', size: 204_800, at: at('2026-11-20T02:40:00Z') }],
  report: {
    problem: 'Dana belum cair',
    cause: 'Gangguan bank penerima',
    actionsTaken: ['Cek status pencairan', 'Eskalasi ke Finance'],
    resolvedBy: 'department',
    department: 'Finance',
    customerInformed: true,
    disbursementResult: 'gagal-dicairkan-ulang',
  },
};

describe('the per-complaint PDF', () => {
  it('carries the complaint, its customer, SLA, steps, timeline and resolution report', async () => {
    const pdf = await complaintPdf(resolved, { zone: 'WIB', generatedAt: at('2026-11-21T01:00:00Z'), branch: 'JKT01' });
    expect(pdfStructure(pdf)).toMatchObject({ header: '%PDF-1.3', title: 'Laporan Keluhan KL-JKT01-000042' });
    const lines = pdfTextLines(pdf);
    const after = (label: string) => lines[lines.indexOf(label) + 1];
    expect(lines[0]).toBe('Laporan Keluhan KL-JKT01-000042');
    expect(after('Kategori')).toBe('Pencairan Pinjaman');
    expect(after('Kanal')).toBe('Hotline');
    expect(after('Status')).toBe('Selesai');
    expect(after('Dicatat')).toBe('20/11/2026 09:00 WIB');
    expect(after('NIK')).toBe('3171012345678901');
    expect(after('Diverifikasi dengan')).toBe('Nomor KTP (NIK)');
    expect(lines).toContain('Terlambat (+1 j) · Tenggat 20/11/2026 11:00 WIB');
    expect(lines).toContain('Tepat waktu · Tenggat 20/11/2026 09:15 WIB');
    // ticked steps are marked X in the column before their text
    const text = lines.join('\n');
    expect(text).toMatch(/X\nCustomer service mengecek status pencairan pinjaman di system/);
    expect(text).toContain('Cek mutasi bank');
    expect(after('Hasil pencairan')).toBe('Gagal, dicairkan ulang');
    expect(after('Diselesaikan oleh')).toBe('Departemen (Finance)');
    expect(after('Tindakan')).toBe('1. Cek status pencairan');
    expect(text).toContain('bukti-transfer.pdf');
    expect(text).toContain('Dana pinjaman belum masuk ke rekening sejak pagi — sudah lebih dari 2 jam.');
  });

  it('says there is no report yet for an open complaint, in English when asked', async () => {
    const open: ComplaintForPdf = { ...resolved, status: 'open', resolvedAt: null, report: null, attachments: [], articles: [] };
    const lines = pdfTextLines(await complaintPdf(open, { zone: 'WITA', locale: 'en', generatedAt: at('2026-11-21T01:00:00Z') }));
    expect(lines[0]).toBe('Complaint Report KL-JKT01-000042');
    expect(lines[lines.indexOf('Resolution report') + 1]).toBe('None yet');
    expect(lines).not.toContain('Attachments');
    expect(lines[lines.indexOf('Logged') + 1]).toBe('20/11/2026 10:00 WITA');
  });

  it('names the file after the complaint number', () => {
    expect(complaintPdfFileName('KL-JKT01-000042')).toBe('KL-JKT01-000042.pdf');
    expect(complaintPdfFileName('KL/../x')).toBe('KL-..-x.pdf');
  });
});

describe('text for the PDF standard fonts', () => {
  it('keeps Indonesian and Latin-1 text, maps look-alikes, and replaces the rest', () => {
    expect(pdfSafe('Rp 1.500.000 — “lunas” · Müller')).toBe('Rp 1.500.000 — “lunas” · Müller');
    expect(pdfSafe('≤ 10 MB → ok')).toBe('<= 10 MB -> ok');
    expect(pdfSafe('王 😀')).toBe('? ?');
    expect(pdfSafe('baris 1\r\nbaris 2')).toBe('baris 1\nbaris 2');
  });
});
