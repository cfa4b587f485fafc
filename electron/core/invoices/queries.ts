import type { InvoiceBatchView, InvoiceDashboardView, InvoiceMessageView, InvoiceView } from '../../../shared/api/methods/invoices';
import { displayStatus, type InvoiceStatus } from '../../../shared/invoices/state';
import type { InvoiceModule } from '../../../shared/invoices/templates';
import { prepared, type Db } from '../ledger/sql';

export interface InvoiceRow {
  id: string;
  batch_id: string;
  module: InvoiceModule;
  row: number;
  number: string;
  customer_name: string;
  email: string | null;
  phone: string | null;
  amount: number;
  due_date: string;
  description: string | null;
  fields: string;
  va: string;
  status: InvoiceStatus;
  reason: string | null;
  created_at: number;
  notice: InvoiceView['notice'];
  paid_at: number | null;
  payment_id: string | null;
}

const COLUMNS = `id, batch_id, module, row, number, customer_name, email, phone, amount, due_date, description, fields, va, status, reason, created_at, notice, paid_at, payment_id`;

export function invoiceView(row: InvoiceRow, today: string): InvoiceView {
  return {
    id: row.id,
    batchId: row.batch_id,
    module: row.module,
    row: row.row,
    number: row.number,
    customerName: row.customer_name,
    email: row.email,
    phone: row.phone,
    amount: row.amount,
    dueDate: row.due_date,
    description: row.description,
    fields: JSON.parse(row.fields) as Record<string, string>,
    va: row.va,
    status: row.status,
    display: displayStatus({ status: row.status, dueDate: row.due_date }, today),
    createdAt: row.created_at,
    reason: row.reason,
    notice: row.notice,
    paidAt: row.paid_at,
    paymentId: row.payment_id,
  };
}

export function invoiceById(db: Db, id: string): InvoiceRow | undefined {
  return prepared<[string], InvoiceRow>(db, `SELECT ${COLUMNS} FROM inv_invoices WHERE id = ?`).get(id);
}

/** The numbers (their keys) of the live invoices of a module: a new batch may not bill them again. */
export function liveNumberKeys(db: Db, module: InvoiceModule): Set<string> {
  const rows = prepared<[string], { number_key: string }>(db, `SELECT number_key FROM inv_invoices WHERE module = ? AND status IN ('unsent', 'sent', 'paid')`).all(module);
  return new Set(rows.map((r) => r.number_key));
}

export interface ListFilter {
  batchId?: string | undefined;
  status?: InvoiceView['display'] | undefined;
  text?: string | undefined;
}

/**
 * Invoices by due date (then batch row), filtered by the status the dashboard shows: due and
 * overdue are live invoices on either side of today, so they are selected by the due date.
 */
export function listInvoices(db: Db, filter: ListFilter, today: string, offset: number, limit: number): { invoices: InvoiceView[]; total: number } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.batchId) {
    where.push('batch_id = ?');
    args.push(filter.batchId);
  }
  if (filter.status === 'due' || filter.status === 'overdue') {
    where.push(`status IN ('unsent', 'sent')`, filter.status === 'due' ? 'due_date >= ?' : 'due_date < ?');
    args.push(today);
  } else if (filter.status) {
    where.push('status = ?');
    args.push(filter.status);
  }
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(number LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\' OR va LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')`);
    args.push(like, like, like, like, like);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = prepared<(string | number)[], { n: number }>(db, `SELECT count(*) AS n FROM inv_invoices ${clause}`).get(...args)?.n ?? 0;
  const rows = prepared<(string | number)[], InvoiceRow>(db, `SELECT ${COLUMNS} FROM inv_invoices ${clause} ORDER BY due_date, batch_id, row LIMIT ? OFFSET ?`).all(...args, limit, offset);
  return { invoices: rows.map((r) => invoiceView(r, today)), total };
}

interface BatchRow {
  id: string;
  module: InvoiceModule;
  file_name: string;
  channels: string;
  reminders: string;
  accepted: number;
  rejected: number;
  created_at: number;
  created_by: string | null;
}

export function listBatches(db: Db, limit: number): InvoiceBatchView[] {
  const rows = prepared<[number], BatchRow>(
    db,
    `SELECT b.id, b.module, b.file_name, b.channels, b.reminders, b.accepted, b.rejected, b.created_at, u.username AS created_by
     FROM inv_batches b LEFT JOIN users u ON u.id = b.created_by ORDER BY b.created_at DESC, b.rowid DESC LIMIT ?`,
  ).all(limit);
  return rows.map((r) => ({
    id: r.id,
    module: r.module,
    fileName: r.file_name,
    channels: JSON.parse(r.channels) as InvoiceBatchView['channels'],
    reminders: JSON.parse(r.reminders) as InvoiceBatchView['reminders'],
    accepted: r.accepted,
    rejected: r.rejected,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export function batchById(db: Db, id: string): { id: string; channels: InvoiceBatchView['channels'] } | undefined {
  const row = prepared<[string], { id: string; channels: string }>(db, `SELECT id, channels FROM inv_batches WHERE id = ?`).get(id);
  return row ? { id: row.id, channels: JSON.parse(row.channels) as InvoiceBatchView['channels'] } : undefined;
}

interface MessageRow {
  id: string;
  invoice_id: string;
  channel: InvoiceMessageView['channel'];
  kind: InvoiceMessageView['kind'];
  reminder: string | null;
  recipient: string;
  status: InvoiceMessageView['status'];
  delivery: InvoiceMessageView['delivery'];
  failure: string | null;
  at: number;
}

const messageView = (m: MessageRow): InvoiceMessageView => ({
  id: m.id,
  invoiceId: m.invoice_id,
  channel: m.channel,
  kind: m.kind,
  reminder: m.reminder,
  recipient: m.recipient,
  status: m.status,
  delivery: m.delivery,
  failure: m.failure,
  at: m.at,
});

export function messagesOf(db: Db, invoiceId: string): InvoiceMessageView[] {
  return prepared<[string], MessageRow>(db, `SELECT * FROM inv_messages WHERE invoice_id = ? ORDER BY at, id`).all(invoiceId).map(messageView);
}

export function messageById(db: Db, id: string): InvoiceMessageView | undefined {
  const row = prepared<[string], MessageRow>(db, `SELECT * FROM inv_messages WHERE id = ?`).get(id);
  return row ? messageView(row) : undefined;
}

/**
 * Counts and rupiah per status the dashboard shows (unsent counts invoices whose notice has not
 * gone out, which are also due or overdue), and the invoices per notice state.
 */
export function dashboard(db: Db, today: string, batchId: string | undefined): InvoiceDashboardView {
  const bucket = (name: string, when: string) =>
    `count(*) FILTER (WHERE ${when}) AS ${name}_n, coalesce(sum(amount) FILTER (WHERE ${when}), 0) AS ${name}_a`;
  const live = `status IN ('unsent', 'sent')`;
  const row = prepared<[Record<string, string>], Record<string, number>>(
    db,
    `SELECT ${bucket('unsent', `status = 'unsent'`)}, ${bucket('due', `${live} AND due_date >= @today`)}, ${bucket('overdue', `${live} AND due_date < @today`)},
            ${bucket('paid', `status = 'paid'`)}, ${bucket('archived', `status = 'archived'`)}, ${bucket('deleted', `status = 'deleted'`)},
            count(*) FILTER (WHERE notice = 'requested') AS requested, count(*) FILTER (WHERE notice = 'sent') AS sent,
            count(*) FILTER (WHERE notice = 'failed') AS failed
     FROM inv_invoices ${batchId ? 'WHERE batch_id = @batchId' : ''}`,
  ).get(batchId ? { today, batchId } : { today })!;
  const pair = (name: string) => ({ count: row[`${name}_n`] ?? 0, amount: row[`${name}_a`] ?? 0 });
  return {
    today,
    unsent: pair('unsent'),
    due: pair('due'),
    overdue: pair('overdue'),
    paid: pair('paid'),
    archived: pair('archived'),
    deleted: pair('deleted'),
    messages: { requested: row.requested ?? 0, sent: row.sent ?? 0, failed: row.failed ?? 0 },
  };
}
