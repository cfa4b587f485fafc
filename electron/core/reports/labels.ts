import { CATEGORY_LABELS, CHANNEL_LABELS, IDENTITY_METHOD_LABELS, STATUS_LABELS, type Bilingual } from '../../../shared/complaints/model';
import type { TimeLocale } from '../../../shared/domain/time';

// The words of the exported reports, in the user's language (Bahasa Indonesia first). The
// vocabulary of categories, channels and statuses is the desk's own (shared/complaints/model.ts).

export type ReportLocale = TimeLocale;

const TEXT = {
  weeklyTitle: { id: 'Evaluasi Mingguan Keluhan', en: 'Weekly Complaints Evaluation' },
  week: { id: 'Minggu', en: 'Week' },
  period: { id: 'Periode', en: 'Period' },
  zone: { id: 'Zona waktu', en: 'Time zone' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  total: { id: 'Jumlah keluhan', en: 'Complaints' },
  category: { id: 'Kategori', en: 'Category' },
  channel: { id: 'Kanal', en: 'Channel' },
  status: { id: 'Status', en: 'Status' },
  count: { id: 'Jumlah', en: 'Count' },
  sla: { id: 'Kepatuhan SLA', en: 'SLA compliance' },
  target: { id: 'Target', en: 'Target' },
  firstResponse: { id: 'Respons pertama', en: 'First response' },
  resolution: { id: 'Penyelesaian', en: 'Resolution' },
  met: { id: 'Tepat waktu', en: 'Met' },
  breached: { id: 'Terlambat', en: 'Breached' },
  pending: { id: 'Belum selesai', en: 'Pending' },
  percent: { id: 'Kepatuhan (%)', en: 'Compliance (%)' },
  resolutionTime: { id: 'Waktu penyelesaian', en: 'Resolution time' },
  resolved: { id: 'Keluhan selesai', en: 'Resolved complaints' },
  medianHours: { id: 'Median (jam)', en: 'Median (hours)' },
  p90Hours: { id: 'Persentil ke-90 (jam)', en: '90th percentile (hours)' },
  escalations: { id: 'Eskalasi', en: 'Escalations' },
  escalatedComplaints: { id: 'Keluhan yang dieskalasi', en: 'Complaints escalated' },
  escalationsTotal: { id: 'Jumlah eskalasi', en: 'Escalations in all' },
  topArticles: { id: 'Artikel paling sering dipakai', en: 'Most used articles' },
  article: { id: 'Artikel', en: 'Article' },
  articleId: { id: 'ID artikel', en: 'Article id' },
  complaintsUsing: { id: 'Jumlah keluhan', en: 'Complaints' },
  none: { id: 'Tidak ada', en: 'None' },
  noneYet: { id: 'Belum ada', en: 'None yet' },
  made: { id: 'Dibuat', en: 'Made' },
  complaintTitle: { id: 'Laporan Keluhan', en: 'Complaint Report' },
  number: { id: 'Nomor', en: 'Number' },
  customer: { id: 'Nasabah', en: 'Customer' },
  name: { id: 'Nama', en: 'Name' },
  phone: { id: 'Nomor telepon', en: 'Phone' },
  nik: { id: 'NIK', en: 'NIK' },
  verifiedBy: { id: 'Diverifikasi dengan', en: 'Verified by' },
  description: { id: 'Uraian keluhan', en: 'Description' },
  loggedAt: { id: 'Dicatat', en: 'Logged' },
  loggedBy: { id: 'Dicatat oleh', en: 'Logged by' },
  firstResponseAt: { id: 'Respons pertama', en: 'First response' },
  resolvedAt: { id: 'Waktu selesai', en: 'Resolved at' },
  dueAt: { id: 'Tenggat', en: 'Due' },
  state: { id: 'Keadaan', en: 'State' },
  department: { id: 'Departemen', en: 'Department' },
  steps: { id: 'Langkah SOP', en: 'SOP steps' },
  timeline: { id: 'Riwayat', en: 'Timeline' },
  articlesUsed: { id: 'Artikel yang dipakai', en: 'Articles used' },
  attachments: { id: 'Lampiran', en: 'Attachments' },
  report: { id: 'Laporan penyelesaian', en: 'Resolution report' },
  problem: { id: 'Permasalahan', en: 'Problem' },
  cause: { id: 'Penyebab', en: 'Cause' },
  actionsTaken: { id: 'Tindakan', en: 'Actions taken' },
  resolvedBy: { id: 'Diselesaikan oleh', en: 'Resolved by' },
  customerInformed: { id: 'Nasabah sudah diberi tahu', en: 'Customer informed' },
  disbursementResult: { id: 'Hasil pencairan', en: 'Disbursement result' },
  paymentReceived: { id: 'Pembayaran diterima', en: 'Payment received' },
  paymentCodeGivenByCs: { id: 'Kode pembayaran diberikan CS', en: 'Payment code given by CS' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  page: { id: 'Halaman', en: 'Page' },
} as const satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof TEXT;

export const t = (locale: ReportLocale, key: TextKey): string => TEXT[key][locale];

export const SLA_STATE_LABELS: Readonly<Record<string, Bilingual>> = {
  running: { id: 'Berjalan', en: 'Running' },
  paused: { id: 'Dijeda', en: 'Paused' },
  warning: { id: 'Hampir lewat', en: 'Due soon' },
  breached: { id: 'Terlambat', en: 'Breached' },
  met: { id: 'Tepat waktu', en: 'Met' },
};

export const RESOLVER_LABELS: Readonly<Record<string, Bilingual>> = {
  cs: { id: 'Customer service', en: 'Customer service' },
  'cs-manager': { id: 'CS Manager', en: 'CS manager' },
  department: { id: 'Departemen', en: 'Department' },
};

export const EVENT_LABELS: Readonly<Record<string, Bilingual>> = {
  'complaint.logged': { id: 'Keluhan dicatat', en: 'Complaint logged' },
  'complaint.stepSet': { id: 'Langkah SOP', en: 'SOP step' },
  'complaint.customerContacted': { id: 'Nasabah dihubungi', en: 'Customer contacted' },
  'complaint.waitingCustomer': { id: 'Menunggu nasabah', en: 'Waiting for customer' },
  'complaint.customerReplied': { id: 'Nasabah menjawab', en: 'Customer replied' },
  'complaint.escalated': { id: 'Eskalasi', en: 'Escalated' },
  'complaint.departmentResponded': { id: 'Tanggapan departemen', en: 'Department response' },
  'complaint.articleUsed': { id: 'Artikel dipakai', en: 'Article used' },
  'complaint.attached': { id: 'Lampiran ditambahkan', en: 'Attachment added' },
  'complaint.resolved': { id: 'Diselesaikan', en: 'Resolved' },
  'complaint.reopened': { id: 'Dibuka kembali', en: 'Reopened' },
};

/** The label of a vocabulary id, or the id itself for one this version does not know. */
export function labelOf(table: Readonly<Record<string, Bilingual>>, id: string, locale: ReportLocale): string {
  return table[id]?.[locale] ?? id;
}

export const categoryLabel = (id: string, locale: ReportLocale) => labelOf(CATEGORY_LABELS, id, locale);
export const channelLabel = (id: string, locale: ReportLocale) => labelOf(CHANNEL_LABELS, id, locale);
export const statusLabel = (id: string, locale: ReportLocale) => labelOf(STATUS_LABELS, id, locale);
export const identityLabel = (id: string, locale: ReportLocale) => labelOf(IDENTITY_METHOD_LABELS, id, locale);

/** Milliseconds as hours, two decimals (spreadsheet cells); null stays null. */
export const hours = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 36_000) / 100);

/** `1 j 30 m` / `1 h 30 m`, `26 j`, `15 m`: a duration as staff read it. */
export function formatDuration(ms: number | null, locale: ReportLocale): string {
  if (ms === null) return '–';
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hourUnit = locale === 'id' ? 'j' : 'h';
  if (h === 0) return `${m} m`;
  return m === 0 ? `${h} ${hourUnit}` : `${h} ${hourUnit} ${m} m`;
}
