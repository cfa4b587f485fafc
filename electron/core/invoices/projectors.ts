import type { ProjectorMap } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { invoiceNumberKey } from '../../../shared/invoices/sheet';

// The invoice tables are rebuilt from events only, the desk's own and its sister desks' by pull, so
// every desk that applies the same events holds the same batches, invoices and VA desk blocks.

function setStatus(db: Parameters<NonNullable<ProjectorMap['invoices.archived']>>[0], id: string, status: 'archived' | 'deleted', reason: string): void {
  const changed = prepared(db, `UPDATE inv_invoices SET status = ?, reason = ? WHERE id = ?`).run(status, reason, id);
  if (changed.changes === 0) throw new Error(`invoices: invoice ${id} is not on this desk`);
}

/**
 * Where the invoice's notice stands after news of its messages: sent once any notice or reminder
 * went out (and the invoice with it, from unsent to sent), else requested while any is queued,
 * else failed. Cancellations say nothing about the notice.
 */
function settleNotice(db: Db, id: string): void {
  const m = prepared<[string], { sent: number; queued: number; failed: number; first_sent: number | null }>(
    db,
    `SELECT count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'queued') AS queued,
            count(*) FILTER (WHERE status = 'failed') AS failed, min(at) FILTER (WHERE status = 'sent') AS first_sent
     FROM inv_messages WHERE invoice_id = ? AND kind IN ('notice', 'reminder')`,
  ).get(id);
  if (!m) return;
  if (m.sent > 0) {
    prepared(db, `UPDATE inv_invoices SET notice = 'sent', sent_at = coalesce(sent_at, ?), status = CASE status WHEN 'unsent' THEN 'sent' ELSE status END WHERE id = ?`).run(
      m.first_sent,
      id,
    );
  } else if (m.queued > 0) {
    prepared(db, `UPDATE inv_invoices SET notice = 'requested' WHERE id = ?`).run(id);
  } else if (m.failed > 0) {
    prepared(db, `UPDATE inv_invoices SET notice = 'failed' WHERE id = ?`).run(id);
  }
}

export const invoiceProjectors: ProjectorMap = {
  'invoices.batchImported': (db, { payload: p, at, userId, deviceId }) => {
    prepared(
      db,
      `INSERT INTO inv_batches (id, module, file_name, channels, reminders, accepted, rejected, created_at, created_by, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.batchId, p.module, p.fileName, JSON.stringify(p.channels), JSON.stringify(p.reminders), p.accepted, p.rejected, at, userId, deviceId);
  },
  'invoices.added': (db, { payload: p, at, userId, deviceId }) => {
    const batch = prepared<[string], { module: string }>(db, `SELECT module FROM inv_batches WHERE id = ?`).get(p.batchId);
    if (!batch) throw new Error(`invoices: batch ${p.batchId} is not on this desk`);
    const insert = prepared(
      db,
      `INSERT INTO inv_invoices (id, batch_id, module, row, number, number_key, customer_name, email, phone, amount, due_date, description, fields, va, va_desk, va_seq, status, created_at, created_by, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unsent', ?, ?, ?)`,
    );
    const claim = prepared(db, `INSERT OR IGNORE INTO inv_va_desks (block, device_id) VALUES (?, ?)`);
    const blocks = new Set<number>();
    for (const i of p.invoices) {
      insert.run(i.id, p.batchId, batch.module, i.row, i.number, invoiceNumberKey(i.number), i.customerName, i.email, i.phone, i.amount, i.dueDate, i.description, JSON.stringify(i.fields), i.va, i.vaDesk, i.vaSeq, at, userId, deviceId);
      blocks.add(i.vaDesk);
    }
    for (const block of blocks) claim.run(block, deviceId);
  },
  'invoices.vaConfigured': (db, { payload: p, at }) => {
    prepared(
      db,
      `INSERT INTO inv_va_config (id, prefix, branch_va_code, check_digit, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET prefix = excluded.prefix, branch_va_code = excluded.branch_va_code, check_digit = excluded.check_digit,
         updated_at = excluded.updated_at`,
    ).run(p.prefix, p.branchVaCode, p.checkDigit, at);
  },
  'invoices.sendRequested': (db, { payload: p }) => {
    // a notice that went out stays sent: asking again (a resend) does not make it pending
    const mark = prepared(db, `UPDATE inv_invoices SET notice = 'requested' WHERE id = ? AND notice <> 'sent'`);
    for (const id of p.invoiceIds) mark.run(id);
  },
  'invoices.messages': (db, { payload: p }) => {
    const upsert = prepared(
      db,
      `INSERT INTO inv_messages (id, invoice_id, channel, kind, reminder, recipient, status, delivery, failure, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, delivery = excluded.delivery, failure = excluded.failure, at = excluded.at`,
    );
    const known = prepared<[string], { id: string }>(db, `SELECT id FROM inv_invoices WHERE id = ?`);
    const touched = new Set<string>();
    for (const m of p.messages) {
      // an invoice this desk never held (pushed by a desk of another branch) is not its business
      if (!known.get(m.invoiceId)) continue;
      upsert.run(m.id, m.invoiceId, m.channel, m.kind, m.reminder, m.recipient, m.status, m.delivery ?? null, m.failure, m.at);
      touched.add(m.invoiceId);
    }
    for (const id of touched) settleNotice(db, id);
  },
  'invoices.paid': (db, { payload: p }) => {
    // head office took the money: that is final, whatever this desk did to the invoice meanwhile
    prepared(db, `UPDATE inv_invoices SET status = 'paid', paid_at = ?, payment_id = ?, paid_amount = ?, paid_bank = ? WHERE id = ?`).run(
      p.paidAt,
      p.paymentId,
      p.amount,
      p.bank,
      p.id,
    );
  },
  'invoices.archived': (db, { payload: p }) => setStatus(db, p.id, 'archived', p.reason),
  'invoices.deleted': (db, { payload: p }) => setStatus(db, p.id, 'deleted', p.reason),
};
