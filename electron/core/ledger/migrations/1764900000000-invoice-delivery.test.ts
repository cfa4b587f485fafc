import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../open';
import { ledgerWithInvoice } from './invoice-fixture';

let ledger: Ledger;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ ledger, remove } = await ledgerWithInvoice({ email: null, phone: '+628120000001' }));
});
afterAll(() => remove());

const message = (id: string, delivery: string | null) =>
  ledger.db.prepare(`INSERT INTO inv_messages (id, invoice_id, channel, kind, recipient, status, delivery, at) VALUES (?, 'i1', 'whatsapp', 'notice', '+628120000001', 'sent', ?, 1)`).run(id, delivery);

describe('migration 1764900000000 (invoice delivery)', () => {
  it("keeps WhatsApp's delivered or read beside a message that went out, and nothing else", () => {
    message('m1', null);
    message('m2', 'delivered');
    message('m3', 'read');
    expect(() => message('m4', 'seen')).toThrow(/CHECK/);
    expect(ledger.db.prepare(`SELECT id, delivery FROM inv_messages ORDER BY id`).all()).toEqual([
      { id: 'm1', delivery: null },
      { id: 'm2', delivery: 'delivered' },
      { id: 'm3', delivery: 'read' },
    ]);
  });
});
