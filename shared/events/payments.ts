import { z } from 'zod';
import { UNMATCHED_CAUSES } from '../payments/matching';

// Events of the mutation-matching desk (seed 003). Accounts, expected payments, statement imports,
// matching decisions and manual verifications are the branch's: the desk records them, head office
// keeps them for every branch. Code leases and bank feeds are head office's, on its chain for the
// branch they concern, and reach the desk by pull. Imports and matching decisions travel in chunks
// (at most MUTATION_CHUNK rows an event) so a 100,000-row statement is a few hundred events, not
// 100,000, and no single event outgrows a push batch.

export const MUTATION_CHUNK = 1000;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const instant = z.number().int().nonnegative();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sen = z.number().int().nonnegative();
const rupiah = z.number().int().positive();
const reason = z.object({ key: text(120), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const mutationRow = z.object({
  id,
  date: day,
  time: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  direction: z.enum(['CR', 'DB']),
  amountSen: sen,
  description: text(1000),
  reference: text(120).nullable(),
  balanceSen: z.number().int().nullable(),
  /** stable across re-imports of overlapping statements (shared/statements/dedupe.ts) */
  key: text(300),
});
export type MutationRow = z.infer<typeof mutationRow>;

export const matchDecision = z.object({
  mutationId: id,
  outcome: z.enum(['matched', 'ambiguous', 'unmatched']),
  /** the payment marked paid (matched), or null */
  paymentId: id.nullable(),
  /** the open payments it could be (ambiguous) */
  candidates: z.array(id).max(50),
  /** why an unmatched credit paid none */
  cause: z.enum(UNMATCHED_CAUSES).optional(),
  /** how many open payments an ambiguous credit could be (candidates lists at most 50) */
  count: z.number().int().positive().optional(),
  /**
   * The reason in words, as desks recorded it before a decision carried only its cause or count:
   * the words are now built from the credit's row when read (shared/payments/matching.ts).
   */
  reason: reason.optional(),
});
export type MatchDecisionEvent = z.infer<typeof matchDecision>;

export const verificationEvidence = z.object({
  accountNumber: text(40),
  bankName: text(80),
  accountHolder: text(120),
  transferDate: day,
  attachmentId: id,
});

export const paymentEvents = {
  /** A company bank account the branch receives transfers on. */
  'payments.accountAdded': z.object({ id, bank: text(40), number: z.string().regex(/^\d{5,20}$/), holder: text(120) }),
  /** The column mapping of a statement layout the parsers do not know, saved once per account. */
  'payments.mappingSaved': z.object({ accountId: id, mapping: z.record(z.string(), z.unknown()) }),
  /** Head office leases blocks of total residues (mod 1000) of an account to one desk. */
  'payments.codesLeased': z.object({ deviceId: id, accountNumber: z.string().regex(/^\d{5,20}$/), blocks: z.array(z.number().int().min(0).max(19)).min(1).max(20), expiresAt: instant }),
  'payments.expected': z.object({
    id,
    accountId: id,
    accountNumber: z.string().regex(/^\d{5,20}$/),
    base: rupiah,
    code: z.number().int().min(1).max(999),
    total: rupiah,
    reference: text(120),
    payerName: text(120).nullable(),
    expiresAt: instant,
  }),
  'payments.cancelled': z.object({ id, reason: text(500) }),
  /** A statement file's rows, in chunks; the first chunk's event names the file. */
  'statement.imported': z.object({
    importId: id,
    accountId: id,
    fileName: text(255),
    format: text(20),
    chunk: z.number().int().nonnegative(),
    rows: z.array(mutationRow).max(MUTATION_CHUNK),
    /**
     * What matching decided for this chunk's credits, decided with the import so each row is
     * written once, already matched (a debit has none; an old event without it leaves rows new).
     */
    decisions: z.array(matchDecision).max(MUTATION_CHUNK).default([]),
    /**
     * Fed mutations this statement shows again: each takes the key of its statement row (which is
     * not recorded), so the transfer stays one mutation and a re-import finds it held.
     */
    fed: z.array(z.object({ mutationId: id, key: text(300) })).max(MUTATION_CHUNK).default([]),
    /** set on the last chunk: what the import did in all */
    summary: z.object({ rows: z.number().int(), credits: z.number().int(), debits: z.number().int(), imported: z.number().int(), duplicates: z.number().int() }).nullable(),
  }),
  /** A mutation from a bank feed at head office (signed webhook), for the branch holding the account. */
  'mutation.fed': z.object({
    accountNumber: z.string().regex(/^\d{5,20}$/),
    row: mutationRow,
    feedId: text(120),
    /**
     * The desk that decides it: the one leased the residue of its amount (only that desk can have
     * given a payment with that total), else one desk of the branch. The others wait for its
     * decision, so a credit is never decided twice.
     */
    decider: id.nullable().default(null),
  }),
  /**
   * Head office gives a fed credit still waiting to another desk of the branch: the one it was
   * given to has gone unseen, and the SOP wants the payment paid within 15 minutes.
   */
  'mutation.rerouted': z.object({ mutationId: id, decider: id }),
  /** What matching decided, in chunks. */
  'payments.matched': z.object({ decisions: z.array(matchDecision).min(1).max(MUTATION_CHUNK) }),
  /**
   * Fed credits a statement had already shown (same account, day and amount, one for one): each
   * fed row is dropped and its statement row names it, so the transfer stays one mutation.
   */
  'payments.fedTwinned': z.object({ pairs: z.array(z.object({ fedId: id, statementId: id })).min(1).max(MUTATION_CHUNK) }),
  /**
   * A manual-verification case: a credit with several candidates or none, or a customer who says
   * they paid while no credit was matched (the SOP's "sudah bayar tapi status belum dibayar").
   */
  'verification.opened': z.object({ caseId: id, source: z.enum(['ambiguous', 'unmatched', 'claim']), mutationId: id.nullable(), paymentId: id.nullable(), note: text(1000) }),
  /** A person links the credit to a payment or marks it unrelated, with the SOP's evidence. */
  'verification.proposed': z.object({
    caseId: id,
    mutationId: id.nullable(),
    paymentId: id.nullable(),
    decision: z.enum(['link', 'unrelated']),
    evidence: verificationEvidence,
    note: text(1000),
  }),
  /** A second person (never the proposer) approves: the payment becomes paid, the credit verified. */
  'verification.approved': z.object({ caseId: id }),
  'verification.rejected': z.object({ caseId: id, reason: text(1000) }),
  /** Sent to operations ("OP") with its SLA target in business minutes. */
  'verification.escalated': z.object({ caseId: id, note: text(1000), targetMinutes: z.number().int().positive().max(60 * 24 * 30) }),
  'verification.resolved': z.object({ caseId: id, note: text(1000) }),
  /** The receipt photo or screenshot: the file stays at the desk that took it. */
  'verification.attached': z.object({
    attachmentId: id,
    fileName: text(200),
    mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']),
    size: z.number().int().positive().max(10 * 1024 * 1024),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
};
