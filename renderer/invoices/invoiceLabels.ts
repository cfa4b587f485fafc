import { ApiError, type MessageParams } from '../../shared/api/errors';
import type { InvoiceBatchView, InvoiceDashboardView, InvoiceMessageView, InvoiceView } from '../../shared/api/methods/invoices';
import { formatRupiah } from '../../shared/domain/money';
import type { Role } from '../../shared/domain/roles';

// The invoice desk's pure helpers: which tab and which row button a role gets, the colour of each
// status, the reminder days as people type them, and a refused sheet's rows. The core decides all
// of it again on every call; these only keep the desk from offering what would be refused anyway.

export type { InvoiceBatchView, InvoiceDashboardView, InvoiceMessageView, InvoiceView };
export type InvoiceModule = InvoiceView['module'];
export type DisplayStatus = InvoiceView['display'];
export type NoticeState = InvoiceView['notice'];
export type Channel = InvoiceMessageView['channel'];
export type TagType = 'info' | 'warning' | 'primary' | 'success' | 'danger';

export const MODULES: readonly InvoiceModule[] = ['einvoice', 'pintukelas'];
export const CHANNELS: readonly Channel[] = ['email', 'whatsapp', 'sms'];
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type InvoiceTab = 'list' | 'upload' | 'reports' | 'va';
const SUPERVISORS: readonly Role[] = ['kasie', 'kacab'];

/** Everyone at the desk lists, uploads and reports; only Kasie and Kacab enter the bank's VA setting. */
export function tabsFor(roles: readonly Role[]): InvoiceTab[] {
  const tabs: InvoiceTab[] = ['list', 'upload', 'reports'];
  if (roles.some((r) => SUPERVISORS.includes(r))) tabs.push('va');
  return tabs;
}

/** The tab an address asks for, or the first one when the role may not see it. */
export function tabOf(value: unknown, roles: readonly Role[]): InvoiceTab {
  const tabs = tabsFor(roles);
  return tabs.find((tab) => tab === value) ?? 'list';
}

/** The dashboard's cards, in the order a clerk reads a batch's life. */
export const DASHBOARD_CARDS = ['unsent', 'due', 'overdue', 'paid', 'archived'] as const satisfies readonly (keyof InvoiceDashboardView)[];
export type DashboardCard = (typeof DASHBOARD_CARDS)[number];

export function displayTag(status: DisplayStatus): TagType {
  switch (status) {
    case 'paid':
      return 'success';
    case 'overdue':
      return 'danger';
    case 'due':
      return 'primary';
    default:
      return 'info';
  }
}

export function noticeTag(notice: NoticeState): TagType {
  if (notice === 'sent') return 'success';
  if (notice === 'failed') return 'danger';
  if (notice === 'requested') return 'warning';
  return 'info';
}

export function messageTag(status: InvoiceMessageView['status']): TagType {
  if (status === 'sent') return 'success';
  if (status === 'failed') return 'danger';
  return 'warning';
}

export type InvoiceAction = 'send' | 'archive' | 'delete';

/**
 * A row's buttons. Kirim while no notice is on its way (never asked, or every channel failed);
 * Arsipkan for any live invoice; Hapus only while nothing was ever asked of head office: once a
 * notice may have reached the customer, the invoice is archived so the customer is told (seed 004).
 */
export function invoiceActionsFor(invoice: Pick<InvoiceView, 'status' | 'notice'>): InvoiceAction[] {
  if (invoice.status !== 'unsent' && invoice.status !== 'sent') return [];
  const actions: InvoiceAction[] = [];
  if (invoice.notice === 'none' || invoice.notice === 'failed') actions.push('send');
  actions.push('archive');
  if (invoice.status === 'unsent' && invoice.notice === 'none') actions.push('delete');
  return actions;
}

/** Only a message that failed is sent again; a queued one is on its way. */
export const canResend = (message: Pick<InvoiceMessageView, 'status'>): boolean => message.status === 'failed';

export type DaysRead = { ok: true; days: number[] } | { ok: false; key: string };

/**
 * Reminder days as typed: `3, 1` or `7 3 1`; empty is no reminder. Days before the due date run
 * 0–365 (0 is the day itself), days after 1–365, as the core checks them; each day once, far first.
 */
export function readDays(text: string, side: 'before' | 'after'): DaysRead {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const min = side === 'before' ? 0 : 1;
  const days: number[] = [];
  for (const part of parts) {
    const cleaned = part.replace(/^H[-+]?/i, '');
    if (!/^\d{1,3}$/.test(cleaned)) return { ok: false, key: 'invoices.errors.reminderDays' };
    const day = Number(cleaned);
    if (day < min || day > 365) return { ok: false, key: 'invoices.errors.reminderDays' };
    if (!days.includes(day)) days.push(day);
  }
  if (days.length > 10) return { ok: false, key: 'invoices.errors.reminderDays' };
  return { ok: true, days: side === 'before' ? days.sort((a, b) => b - a) : days.sort((a, b) => a - b) };
}

/** `H-3, H-1, H+1, H+7`: a batch's reminders as the SOPs write them. */
export function scheduleText(schedule: { daysBefore: readonly number[]; daysAfter: readonly number[] }): string {
  const before = [...schedule.daysBefore].sort((a, b) => b - a).map((d) => (d === 0 ? 'H' : `H-${d}`));
  const after = [...schedule.daysAfter].sort((a, b) => a - b).map((d) => `H+${d}`);
  return [...before, ...after].join(', ');
}

export interface SheetIssue {
  row: number;
  /** the column's header as the sheet has it; '' for the row as a whole */
  column: string;
  key: string;
  params: MessageParams;
}

/**
 * The problems of a sheet refused as a whole, from the core's answer: each field's path is
 * `rows.<row>` or `rows.<row>.<column header>` (a header may hold a dot, so the rest is the column).
 */
export function sheetIssues(error: unknown): SheetIssue[] {
  if (!(error instanceof ApiError) || !error.fields) return [];
  return error.fields
    .filter((f) => f.path.startsWith('rows.'))
    .map((f) => {
      const [, row = '', ...column] = f.path.split('.');
      const params = f.params ?? {};
      return { row: Number(params.row ?? row), column: column.join('.'), key: f.key, params };
    })
    .sort((a, b) => a.row - b.row);
}

/** Why the browser refuses a file before reading it: empty, or over the core's limit. */
export function fileRefusal(size: number, maxBytes: number): { key: string } | null {
  if (size === 0) return { key: 'invoices.errors.empty' };
  if (size > maxBytes) return { key: 'invoices.errors.tooLarge' };
  return null;
}

/** The part of a `data:` URL after its comma: the file as the contract carries it. */
export function dataUrlBase64(url: string): string {
  const comma = url.indexOf(',');
  return comma < 0 ? '' : url.slice(comma + 1);
}

/** How far the browser is in reading a file, 0–100. */
export function readPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

/** `Rp 1.250.000` */
export const formatMoney = (rupiah: number): string => formatRupiah(rupiah);

/** `2026-12-31` as people write it: `31/12/2026`. */
export function formatDue(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${d}/${m}/${y}` : day;
}

/** The first day of the month of `YYYY-MM-DD`: a report's default period runs from it to today. */
export function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/**
 * A report's first period: from the first of this month to the end of the next, so the transaction
 * report shows the invoices falling due soon and the reconciliation every payment of the month.
 */
export function defaultPeriod(today: string): { from: string; to: string } {
  const [y = 1970, m = 1] = today.split('-').map(Number);
  // day 0 of the month after next is the last day of next month
  const end = new Date(Date.UTC(y, m + 1, 0));
  return { from: monthStart(today), to: end.toISOString().slice(0, 10) };
}
