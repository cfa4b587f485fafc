import type { InvoiceReportView } from '../../../shared/api/methods/invoices';
import { fromLocalParts, localDayKey, type Zone } from '../../../shared/domain/time';
import { addDays } from '../../../shared/invoices/days';
import { displayStatus, type InvoiceStatus } from '../../../shared/invoices/state';
import { prepared, type Db } from '../ledger/sql';

// The two reports of seed 004. The transaction report lists the invoices falling due in the period
// as they stand today (paid / unpaid, due / overdue, archived), with counts and rupiah per status.
// The reconciliation report lists each payment head office took in the period against its invoice
// and VA, with the difference (0 for a closed VA, which takes the exact amount only) and the totals
// per day, days taken in the branch's zone.

/** Rows listed on screen and in the files; the totals always count every row. */
export const REPORT_ROW_LIMIT = 20_000;

export interface ReportQuery {
  kind: InvoiceReportView['kind'];
  from: string;
  to: string;
  batchId?: string | undefined;
}

/** The first instant of a branch day `YYYY-MM-DD`. */
function dayStart(day: string, zone: Zone): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fromLocalParts({ year, month, day: date, hour: 0, minute: 0 }, zone);
}

export function invoiceReport(db: Db, query: ReportQuery, today: string, zone: Zone): InvoiceReportView {
  const base = { kind: query.kind, from: query.from, to: query.to, today, transactions: [], totals: {}, reconciliation: [], days: [], truncated: false };
  return query.kind === 'transactions' ? { ...base, ...transactions(db, query, today) } : { ...base, ...reconciliation(db, query, zone) };
}

interface TransactionRow {
  id: string;
  batch_id: string;
  file_name: string;
  number: string;
  customer_name: string;
  va: string;
  amount: number;
  due_date: string;
  status: InvoiceStatus;
  paid_at: number | null;
}

function transactions(db: Db, query: ReportQuery, today: string): Pick<InvoiceReportView, 'transactions' | 'totals' | 'truncated'> {
  const rows = prepared<[Record<string, string | number>], TransactionRow>(
    db,
    `SELECT i.id, i.batch_id, b.file_name, i.number, i.customer_name, i.va, i.amount, i.due_date, i.status, i.paid_at
     FROM inv_invoices i JOIN inv_batches b ON b.id = i.batch_id
     WHERE i.due_date BETWEEN @from AND @to AND (@batch = '' OR i.batch_id = @batch) AND i.status <> 'deleted'
     ORDER BY i.due_date, i.batch_id, i.row`,
  ).all({ from: query.from, to: query.to, batch: query.batchId ?? '' });
  const totals: Record<string, { count: number; amount: number }> = {};
  const listed: InvoiceReportView['transactions'] = [];
  for (const r of rows) {
    const display = displayStatus({ status: r.status, dueDate: r.due_date }, today);
    const t = (totals[display] ??= { count: 0, amount: 0 });
    t.count += 1;
    t.amount += r.amount;
    const all = (totals.all ??= { count: 0, amount: 0 });
    all.count += 1;
    all.amount += r.amount;
    if (listed.length < REPORT_ROW_LIMIT) {
      listed.push({
        invoiceId: r.id,
        batchId: r.batch_id,
        fileName: r.file_name,
        number: r.number,
        customerName: r.customer_name,
        va: r.va,
        amount: r.amount,
        dueDate: r.due_date,
        display,
        paidAt: r.paid_at,
      });
    }
  }
  return { transactions: listed, totals, truncated: rows.length > listed.length };
}

interface PaymentRow {
  id: string;
  number: string;
  customer_name: string;
  va: string;
  amount: number;
  paid_at: number;
  payment_id: string;
  paid_amount: number;
  paid_bank: string | null;
}

function reconciliation(db: Db, query: ReportQuery, zone: Zone): Pick<InvoiceReportView, 'reconciliation' | 'days' | 'truncated'> {
  const rows = prepared<[Record<string, string | number>], PaymentRow>(
    db,
    `SELECT id, number, customer_name, va, amount, paid_at, payment_id, paid_amount, paid_bank FROM inv_invoices
     WHERE paid_at >= @start AND paid_at < @end AND (@batch = '' OR batch_id = @batch) ORDER BY paid_at, id`,
  ).all({ start: dayStart(query.from, zone), end: dayStart(addDays(query.to, 1), zone), batch: query.batchId ?? '' });
  const days = new Map<string, { day: string; count: number; amount: number }>();
  const listed: InvoiceReportView['reconciliation'] = [];
  for (const r of rows) {
    const day = localDayKey(r.paid_at, zone);
    const d = days.get(day) ?? { day, count: 0, amount: 0 };
    d.count += 1;
    d.amount += r.paid_amount;
    days.set(day, d);
    if (listed.length < REPORT_ROW_LIMIT) {
      listed.push({
        paymentId: r.payment_id,
        paidAt: r.paid_at,
        day,
        va: r.va,
        bank: r.paid_bank,
        invoiceId: r.id,
        number: r.number,
        customerName: r.customer_name,
        invoiceAmount: r.amount,
        paidAmount: r.paid_amount,
        difference: r.paid_amount - r.amount,
      });
    }
  }
  return { reconciliation: listed, days: [...days.values()], truncated: rows.length > listed.length };
}
