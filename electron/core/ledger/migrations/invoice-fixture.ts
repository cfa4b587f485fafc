import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../open';

/**
 * A migrated ledger in a directory of its own holding one batch and its invoice 'i1' (email and
 * phone as given), for the invoice migrations' tests; `remove` closes it and deletes the directory.
 */
export async function ledgerWithInvoice(contact: { email: string | null; phone: string | null }): Promise<{ ledger: Ledger; remove: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'serambi-mig-invoice-'));
  const ledger = await openLedger(join(dir, 'ledger.sqlite'));
  ledger.db.prepare(`INSERT INTO inv_batches (id, module, file_name, channels, reminders, accepted, rejected, created_at, device_id) VALUES ('b1', 'einvoice', 'a.xlsx', '[]', '{}', 1, 0, 1, 'd1')`).run();
  ledger.db
    .prepare(
      `INSERT INTO inv_invoices (id, batch_id, module, row, number, number_key, customer_name, email, phone, amount, due_date, fields, va, va_desk, va_seq, status, created_at, device_id)
       VALUES ('i1', 'b1', 'einvoice', 2, 'INV-1', 'INV-1', 'PT A', ?, ?, 1000, '2026-12-31', '{}', '1001', 1, 1, 'unsent', 1, 'd1')`,
    )
    .run(contact.email, contact.phone);
  return {
    ledger,
    remove: async () => {
      await ledger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
