import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../open';
import { ledgerWithInvoice } from './invoice-fixture';

// The notice columns and the messages table below the rules: a notice state the desk knows, a
// message only of an invoice the desk holds, on a channel and in a status it knows.
let ledger: Ledger;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ ledger, remove } = await ledgerWithInvoice({ email: 'a@contoh.co.id', phone: null }));
});
afterAll(() => remove());

const message = (id: string, invoice: string, channel = 'email', status = 'sent') =>
  ledger.db.prepare(`INSERT INTO inv_messages (id, invoice_id, channel, kind, recipient, status, at) VALUES (?, ?, ?, 'notice', 'a@contoh.co.id', ?, 1)`).run(id, invoice, channel, status);

describe('migration 1764500000000 (invoice notices)', () => {
  it('starts every invoice with no notice and refuses a state it does not know', () => {
    expect(ledger.db.prepare(`SELECT notice, paid_at FROM inv_invoices WHERE id = 'i1'`).get()).toEqual({ notice: 'none', paid_at: null });
    expect(() => ledger.db.prepare(`UPDATE inv_invoices SET notice = 'maybe' WHERE id = 'i1'`).run()).toThrow(/CHECK/);
  });

  it('keeps messages of known invoices only, on known channels and statuses', () => {
    message('m1', 'i1');
    expect(() => message('m2', 'nobody')).toThrow(/FOREIGN KEY/);
    expect(() => message('m3', 'i1', 'fax')).toThrow(/CHECK/);
    expect(() => message('m4', 'i1', 'sms', 'delivered-ish')).toThrow(/CHECK/);
  });
});
