import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bankCallbackAnswer, payInvoice, type BankCallbackAnswer } from '../../shared/invoices/state';
import type { HeadofficeContext } from '../context';
import type { Sql } from '../db/database';
import { keepRawBodies, signedJson } from '../signed-body';
import { appendHeadofficeEventIn } from '../sync/origin';
import { hoInvoice } from './events';

// The bank's payment callback for invoice VAs (closed, single-use VAs in the style of Xendit's fixed
// VAs). The bank posts each payment with its own id; head office answers whether the money is
// taken. A VA takes exactly its invoice's amount, once: a paid, archived or unknown VA, or another
// amount, is refused, and the answer says which so the bank can return the money. A retry with the
// same payment id gets its first answer again (a duplicate is a success: the money was taken once).
// A taken payment reaches the invoice's branch as invoices.paid, in the same transaction.

const wholeRupiah = z.union([z.number().int().positive(), z.string().regex(/^\d+(\.0{1,2})?$/).transform((s) => Number(s.split('.')[0]))]).pipe(z.number().int().positive());

export const callbackBody = z
  .object({
    payment_id: z.union([z.string().trim().min(1).max(100), z.number().int()]).transform(String),
    va: z.string().optional(),
    account_number: z.string().optional(),
    amount: wholeRupiah,
    paid_at: z.string().optional(),
    transaction_timestamp: z.string().optional(),
    bank: z.string().max(40).optional(),
    bank_code: z.string().max(40).optional(),
  })
  .transform((b, ctx) => {
    const va = (b.va ?? b.account_number ?? '').replace(/\D/g, '');
    if (!/^\d{8,20}$/.test(va)) ctx.addIssue({ code: 'custom', path: ['va'], message: 'a VA of 8 to 20 digits' });
    const when = b.paid_at ?? b.transaction_timestamp;
    const paidAt = when === undefined ? null : Date.parse(when);
    if (paidAt !== null && Number.isNaN(paidAt)) ctx.addIssue({ code: 'custom', path: ['paid_at'], message: 'an ISO 8601 time' });
    return { paymentId: b.payment_id, va, amount: b.amount, paidAt, bank: b.bank ?? b.bank_code ?? null };
  });
export type CallbackPayment = z.output<typeof callbackBody>;

/** HTTP status of each answer: taken is 200, a refusal says why. */
const STATUS: Record<BankCallbackAnswer | 'reused', number> = {
  accepted: 200,
  duplicate: 200,
  'refused-paid': 409,
  'refused-archived': 409,
  'refused-amount': 422,
  'unknown-va': 404,
  reused: 409,
};

/** What the bank reads; in Bahasa Indonesia, as the bank's operators read it too. */
const MESSAGE: Record<BankCallbackAnswer | 'reused', string> = {
  accepted: 'Pembayaran diterima.',
  duplicate: 'Pembayaran ini sudah diterima sebelumnya.',
  'refused-paid': 'Tagihan VA ini sudah lunas; pembayaran ditolak.',
  'refused-archived': 'Tagihan VA ini sudah dibatalkan; pembayaran ditolak.',
  'refused-amount': 'Jumlah tidak sama dengan tagihan VA tertutup; pembayaran ditolak.',
  'unknown-va': 'Nomor VA tidak dikenal.',
  reused: 'ID pembayaran ini sudah dipakai untuk VA atau jumlah lain.',
};

export interface CallbackResult {
  answer: BankCallbackAnswer | 'reused';
  invoiceNumber?: string;
}

/** Decides one payment and records it, in the caller's write transaction. */
export async function takePayment(sql: Sql, payment: CallbackPayment, now: number): Promise<CallbackResult> {
  const [seen] = await sql<{ va: string; amount: unknown; answer: BankCallbackAnswer }>(`SELECT va, amount, answer FROM ho_inv_payments WHERE payment_id = ?`, [payment.paymentId]);
  if (seen) {
    if (seen.va !== payment.va || Number(seen.amount) !== payment.amount) return { answer: 'reused' };
    return { answer: seen.answer === 'accepted' ? 'duplicate' : seen.answer };
  }
  const invoice = await hoInvoice(sql, 'va', payment.va);
  const outcome = invoice
    ? payInvoice({ status: invoice.status, amount: invoice.amount, dueDate: invoice.due_date, payment: invoice.payment_id ? { paymentId: invoice.payment_id, amount: invoice.amount } : null, archiveReason: null }, payment)
    : null;
  const answer = bankCallbackAnswer(outcome);
  // unknown VAs are not kept: the branch may not have synced the batch yet, and the bank's retry
  // should then find it
  if (answer === 'unknown-va' || !invoice) return { answer };
  await sql(`INSERT INTO ho_inv_payments (payment_id, va, invoice_id, amount, answer, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    payment.paymentId,
    payment.va,
    invoice.id,
    payment.amount,
    answer,
    JSON.stringify(payment),
    now,
  ]);
  if (answer === 'accepted') {
    const paidAt = payment.paidAt ?? now;
    await sql(`UPDATE ho_invoices SET status = 'paid', payment_id = ?, paid_at = ? WHERE id = ?`, [payment.paymentId, paidAt, invoice.id]);
    // reminders still queued would chase a paid bill
    await sql(`UPDATE ho_inv_messages SET status = 'failed', failure = 'invoice paid', updated_at = ? WHERE invoice_id = ? AND status = 'queued'`, [now, invoice.id]);
    const appended = await appendHeadofficeEventIn(
      sql,
      invoice.branch_code,
      { type: 'invoices.paid', payload: { id: invoice.id, va: invoice.va, paymentId: payment.paymentId, amount: payment.amount, paidAt, bank: payment.bank }, username: null },
      now,
    );
    if (!appended.ok) throw new Error(`invoices.paid refused: ${appended.verdict.reason}`);
  }
  return { answer, invoiceNumber: invoice.number };
}

/**
 * `POST /api/invoices/callback`, signed like the bank feed: `X-Callback-Signature` is the hex
 * HMAC-SHA256 of the raw body under SERAMBI_HO_CALLBACK_SECRET. Its own plugin, to keep the raw
 * bytes the signature covers.
 */
export async function invoiceCallback(app: FastifyInstance, { ctx, secret }: { ctx: HeadofficeContext; secret: string | null }): Promise<void> {
  keepRawBodies(app);

  app.post('/api/invoices/callback', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const signed = signedJson(request, reply, secret, 'x-callback-signature', 'callback_not_configured');
    if (!signed) return reply;
    const json = signed.json;
    const parsed = callbackBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.code(400).send({ error: { code: 'bad_request', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` } });
    }
    const result = await ctx.db.write((sql) => takePayment(sql, parsed.data, ctx.clock()));
    return reply.code(STATUS[result.answer]).send({
      status: result.answer,
      message: MESSAGE[result.answer],
      payment_id: parsed.data.paymentId,
      ...(result.invoiceNumber ? { invoice_number: result.invoiceNumber } : {}),
    });
  });
}
