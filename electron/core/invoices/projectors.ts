import type { ProjectorMap } from '../dispatch/types';
import { prepared } from '../ledger/sql';
import { invoiceNumberKey } from '../../../shared/invoices/sheet';

// The invoice tables are rebuilt from events only, the desk's own and its sister desks' by pull, so
// every desk that applies the same events holds the same batches, invoices and VA desk blocks.

function setStatus(db: Parameters<NonNullable<ProjectorMap['invoices.archived']>>[0], id: string, status: 'archived' | 'deleted', reason: string): void {
  const changed = prepared(db, `UPDATE inv_invoices SET status = ?, reason = ? WHERE id = ?`).run(status, reason, id);
  if (changed.changes === 0) throw new Error(`invoices: invoice ${id} is not on this desk`);
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
      `INSERT INTO inv_va_config (id, prefix, branch_va_code, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET prefix = excluded.prefix, branch_va_code = excluded.branch_va_code, updated_at = excluded.updated_at`,
    ).run(p.prefix, p.branchVaCode, at);
  },
  'invoices.archived': (db, { payload: p }) => setStatus(db, p.id, 'archived', p.reason),
  'invoices.deleted': (db, { payload: p }) => setStatus(db, p.id, 'deleted', p.reason),
};
