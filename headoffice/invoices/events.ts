import { randomUUID } from 'node:crypto';
import type { EventPayload, EventType } from '../../shared/events/index';
import type { Sql } from '../db/database';
import { fromHeadoffice } from '../rules/from-headoffice';
import type { IncomingEvent, Verdict } from '../rules/index';

// Invoice batches at head office. The batches and invoices are the branch's and are kept as pushed,
// so head office can take the bank's VA callbacks and notify customers. Head office alone decides
// what was paid (the callback) and what was sent (its messages): those events from a desk are
// refused. A desk's archive or delete is refused when head office knows better: the invoice was
// paid meanwhile, or (for a delete) its notice went out.

type Rule<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<Verdict>;
type Effect<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<void>;
type InvoiceEventType = 'invoices.batchImported' | 'invoices.added' | 'invoices.archived' | 'invoices.deleted' | 'invoices.sendRequested' | 'invoices.messages' | 'invoices.paid';

const OK: Verdict = { ok: true };
const conflict = (detail: string): Verdict => ({ ok: false, reason: 'conflict', detail });

export interface HoInvoice {
  id: string;
  batch_id: string;
  branch_code: string;
  module: 'einvoice' | 'pintukelas';
  number: string;
  customer_name: string;
  email: string | null;
  phone: string | null;
  amount: number;
  due_date: string;
  description: string | null;
  fields: string;
  va: string;
  status: 'unsent' | 'sent' | 'paid' | 'archived' | 'deleted';
  first_sent_on: string | null;
  reminders_sent: string;
  payment_id: string | null;
}

export async function hoInvoice(sql: Sql, where: 'id' | 'va', value: string): Promise<HoInvoice | undefined> {
  const [row] = await sql<HoInvoice>(`SELECT * FROM ho_invoices WHERE ${where} = ?`, [value]);
  return row ? { ...row, amount: Number(row.amount) } : undefined;
}

/** The invoice of the event's own branch, or undefined. */
async function ownInvoice(sql: Sql, event: IncomingEvent, id: string): Promise<HoInvoice | undefined> {
  const invoice = await hoInvoice(sql, 'id', id);
  return invoice && invoice.branch_code === event.branchCode ? invoice : undefined;
}

async function anyNoticeSent(sql: Sql, invoiceId: string): Promise<boolean> {
  const [row] = await sql(`SELECT id FROM ho_inv_messages WHERE invoice_id = ? AND kind IN ('notice', 'reminder') AND status = 'sent' LIMIT 1`, [invoiceId]);
  return row !== undefined;
}

/** The address a channel takes, or null when the invoice has none for it. */
export function recipientFor(invoice: Pick<HoInvoice, 'email' | 'phone'>, channel: 'email' | 'whatsapp' | 'sms'): string | null {
  return channel === 'email' ? invoice.email : invoice.phone;
}

/** One message to queue: the invoice, and on which channel, of which kind. */
export interface QueuedMessage {
  invoice: Pick<HoInvoice, 'id' | 'branch_code' | 'email' | 'phone'>;
  channel: 'email' | 'whatsapp' | 'sms';
  kind: 'notice' | 'reminder' | 'cancel';
  reminder: string | null;
}

/**
 * Queues the messages, a few hundred a statement (a batch of thousands is asked for at once). A
 * channel without an address on the invoice is a failed message saying so, for the desk to see.
 */
export async function queueMessages(sql: Sql, messages: readonly QueuedMessage[], requestedBy: string | null, now: number): Promise<void> {
  for (let start = 0; start < messages.length; start += 200) {
    const rows = messages.slice(start, start + 200).map((m) => {
      const to = recipientFor(m.invoice, m.channel);
      const failure = to ? null : `no ${m.channel === 'email' ? 'email address' : 'phone number'}`;
      return [randomUUID(), m.invoice.id, m.invoice.branch_code, m.channel, m.kind, m.reminder, to ?? '-', to ? 'queued' : 'failed', failure, requestedBy, now, now];
    });
    await sql(
      `INSERT INTO ho_inv_messages (id, invoice_id, branch_code, channel, kind, reminder, recipient, status, failure, requested_by, created_at, updated_at)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }
}

/** The invoices of `ids` that belong to `branch`, by id. */
async function branchInvoices(sql: Sql, branch: string | null, ids: readonly string[]): Promise<Map<string, HoInvoice>> {
  const found = new Map<string, HoInvoice>();
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await sql<HoInvoice>(`SELECT * FROM ho_invoices WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
    for (const row of rows) if (row.branch_code === branch) found.set(row.id, { ...row, amount: Number(row.amount) });
  }
  return found;
}

export const invoiceRules: { [T in InvoiceEventType]?: Rule<T> } = {
  'invoices.batchImported': async (_sql, event) => (event.branchCode === null ? conflict('errors.notFound') : OK),
  // The callback finds an invoice by its VA alone: one VA, one invoice, whichever branch made it.
  'invoices.added': async (sql, event, p) => {
    const [batch] = await sql<{ branch_code: string }>(`SELECT branch_code FROM ho_inv_batches WHERE id = ?`, [p.batchId]);
    if (!batch || batch.branch_code !== event.branchCode) return conflict('invoices.errors.batchNotFound');
    if (new Set(p.invoices.map((i) => i.va)).size !== p.invoices.length) return conflict('invoices.errors.vaTaken');
    const ids = new Map(p.invoices.map((i) => [i.va, i.id]));
    const taken = await sql<{ id: string; va: string }>(`SELECT id, va FROM ho_invoices WHERE va IN (${p.invoices.map(() => '?').join(', ')})`, [...ids.keys()]);
    return taken.some((t) => ids.get(t.va) !== t.id) ? conflict('invoices.errors.vaTaken') : OK;
  },
  'invoices.archived': async (sql, event, p) => {
    const invoice = await ownInvoice(sql, event, p.id);
    if (!invoice) return conflict('invoices.errors.notFound');
    return invoice.status === 'paid' ? conflict('invoices.errors.alreadyPaid') : OK;
  },
  'invoices.deleted': async (sql, event, p) => {
    const invoice = await ownInvoice(sql, event, p.id);
    if (!invoice) return conflict('invoices.errors.notFound');
    if (invoice.status === 'paid') return conflict('invoices.errors.alreadyPaid');
    return (await anyNoticeSent(sql, p.id)) ? conflict('invoices.errors.wasSent') : OK;
  },
  'invoices.sendRequested': async (sql, event, p) => {
    const invoices = await branchInvoices(sql, event.branchCode, p.invoiceIds);
    return p.invoiceIds.every((id) => invoices.get(id)?.batch_id === p.batchId) ? OK : conflict('invoices.errors.notFound');
  },
  'invoices.messages': async (sql, event) => ((await fromHeadoffice(sql, event)) ? OK : conflict('errors.forbidden')),
  'invoices.paid': async (sql, event) => ((await fromHeadoffice(sql, event)) ? OK : conflict('errors.forbidden')),
};

export const invoiceEffects: { [T in InvoiceEventType]?: Effect<T> } = {
  'invoices.batchImported': async (sql, event, p) => {
    await sql(`INSERT INTO ho_inv_batches (id, branch_code, module, channels, reminders, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      p.batchId,
      event.branchCode,
      p.module,
      JSON.stringify(p.channels),
      JSON.stringify(p.reminders),
      event.at,
    ]);
  },
  'invoices.added': async (sql, event, p) => {
    const [batch] = await sql<{ module: string }>(`SELECT module FROM ho_inv_batches WHERE id = ?`, [p.batchId]);
    // a chunk is up to a thousand invoices: a few multi-row inserts, not a round trip each
    for (let start = 0; start < p.invoices.length; start += 250) {
      const rows = p.invoices.slice(start, start + 250);
      await sql(
        `INSERT INTO ho_invoices (id, batch_id, branch_code, module, number, customer_name, email, phone, amount, due_date, description, fields, va, status, created_at)
         VALUES ${rows.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unsent', ?)`).join(', ')}`,
        rows.flatMap((i) => [i.id, p.batchId, event.branchCode, batch!.module, i.number, i.customerName, i.email, i.phone, i.amount, i.dueDate, i.description, JSON.stringify(i.fields), i.va, event.at]),
      );
    }
  },
  // The customer may have the notice: tell them not to pay it (seed 004), on the channels it went by.
  'invoices.archived': async (sql, event, p) => {
    const invoice = (await hoInvoice(sql, 'id', p.id))!;
    await sql(`UPDATE ho_invoices SET status = 'archived' WHERE id = ?`, [p.id]);
    const sent = await sql<{ channel: 'email' | 'whatsapp' | 'sms' }>(
      `SELECT DISTINCT channel FROM ho_inv_messages WHERE invoice_id = ? AND kind IN ('notice', 'reminder') AND status = 'sent' ORDER BY channel`,
      [p.id],
    );
    await queueMessages(sql, sent.map((s) => ({ invoice, channel: s.channel, kind: 'cancel', reminder: null })), event.username ?? null, event.at);
    // what was still waiting to go out would now ask for money not owed
    await sql(`UPDATE ho_inv_messages SET status = 'failed', failure = 'invoice archived', updated_at = ? WHERE invoice_id = ? AND status = 'queued' AND kind <> 'cancel'`, [event.at, p.id]);
  },
  'invoices.deleted': async (sql, event, p) => {
    await sql(`UPDATE ho_invoices SET status = 'deleted' WHERE id = ?`, [p.id]);
    await sql(`UPDATE ho_inv_messages SET status = 'failed', failure = 'invoice deleted', updated_at = ? WHERE invoice_id = ? AND status = 'queued'`, [event.at, p.id]);
  },
  'invoices.sendRequested': async (sql, event, p) => {
    const invoices = await branchInvoices(sql, event.branchCode, p.invoiceIds);
    // paid or withdrawn since the desk asked: nothing to send
    const live = p.invoiceIds.map((id) => invoices.get(id)!).filter((i) => i.status === 'unsent' || i.status === 'sent');
    const messages = live.flatMap((invoice) => p.channels.map((channel) => ({ invoice, channel, kind: 'notice' as const, reminder: null })));
    await queueMessages(sql, messages, event.username ?? null, event.at);
  },
};
