import type { MatchDecisionEvent, MutationRow } from '../../../shared/events/payments';
import type { ProjectorMap } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { applyFedTwins } from './fed-twins';

// The payments tables are rebuilt from events only: the desk's own and those of the branch's other
// desks and of head office that arrive by pull, so every desk that applies the same events ends
// with the same payments, mutations and cases. Rows travel in chunks; each chunk is inserted with
// one prepared statement, which is what keeps a 100,000-row import near the raw insert time.

const REASONS = 'payments.reasons.';

/**
 * What a credit's row keeps of its decision: the rest of the reason is read from the row itself
 * (queries.ts, mutationReason). An unmatched credit keeps why it paid none ('expired'); an
 * ambiguous one keeps the number of open payments only when more were found than it lists.
 * Decisions recorded by older desks carry the reason in words instead, and give the same.
 */
export function keptReason(d: Pick<MatchDecisionEvent, 'outcome' | 'candidates' | 'cause' | 'count' | 'reason'>): string | null {
  if (d.outcome === 'unmatched') {
    if (d.cause) return d.cause;
    const key = d.reason?.key ?? 'noPayment';
    return key.startsWith(REASONS) ? key.slice(REASONS.length) : key;
  }
  if (d.outcome === 'ambiguous') {
    const count = d.count ?? d.reason?.params?.count;
    return typeof count === 'number' && count !== d.candidates.length ? String(count) : null;
  }
  return null;
}

/** A chunk of decisions of which some credits were not new here (see 'payments.matched'). */
class NotAllNew extends Error {}

function history(db: Db, caseId: string, at: number, type: string, userId: string | null, note: string | null = null): void {
  prepared(db, `INSERT INTO pay_case_history (case_id, at, type, user_id, note) VALUES (?, ?, ?, ?, ?)`).run(caseId, at, type, userId, note);
}

function setCase(db: Db, caseId: string, at: number, fields: Record<string, string | number | null>): void {
  const names = Object.keys(fields);
  const sql = `UPDATE pay_cases SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
  const changed = prepared(db, sql).run(...names.map((n) => fields[n]), at, caseId);
  if (changed.changes === 0) throw new Error(`payments: case ${caseId} is not on this desk`);
}

/**
 * Inserts the rows of a chunk, each with its matching decision where it has one (a debit is
 * 'debit', an undecided credit 'new'); a row whose key this account already holds is skipped.
 */
function insertMutations(
  db: Db,
  at: number,
  accountId: string,
  rows: readonly MutationRow[],
  source: 'statement' | 'feed',
  importId: string | null,
  decisions: readonly MatchDecisionEvent[] = [],
  decider: string | null = null,
): void {
  const insert = prepared(
    db,
    `INSERT OR IGNORE INTO pay_mutations (id, account_id, date, time, direction, amount_sen, description, reference, balance_sen, key, source, import_id, status, payment_id, candidates, reason, decider)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byRow = new Map(decisions.map((d) => [d.mutationId, d]));
  const paid: [string, string][] = [];
  for (const r of rows) {
    const d = byRow.get(r.id);
    const status = r.direction === 'DB' ? 'debit' : (d?.outcome ?? 'new');
    const inserted = insert.run(
      r.id,
      accountId,
      r.date,
      r.time,
      r.direction,
      r.amountSen,
      r.description,
      r.reference,
      r.balanceSen,
      r.key,
      source,
      importId,
      status,
      d?.paymentId ?? null,
      d?.candidates.length ? JSON.stringify(d.candidates) : null,
      d ? keptReason(d) : null,
      decider,
    );
    if (inserted.changes > 0 && d?.outcome === 'matched' && d.paymentId) paid.push([d.paymentId, r.id]);
  }
  markPaidMany(db, paid, at);
}

/**
 * Marks the chunk's matched payments paid in one statement: the pairs go in as one JSON array,
 * so SQLite walks them itself instead of one call per payment from here.
 */
function markPaidMany(db: Db, pairs: readonly (readonly [paymentId: string, mutationId: string])[], at: number): void {
  if (pairs.length === 0) return;
  prepared(
    db,
    `UPDATE pay_expected SET status = 'paid', paid_at = ?, paid_how = 'auto', mutation_id = j.value ->> 1
     FROM json_each(?) AS j WHERE pay_expected.id = j.value ->> 0 AND pay_expected.status = 'open'`,
  ).run(at, JSON.stringify(pairs));
}

/** The payment's reason is its credit's (read by a join), so paying writes no text. */
function markPaid(db: Db, paymentId: string, at: number, how: 'auto' | 'manual', mutationId: string | null): void {
  prepared(db, `UPDATE pay_expected SET status = 'paid', paid_at = ?, paid_how = ?, mutation_id = ? WHERE id = ? AND status = 'open'`).run(at, how, mutationId, paymentId);
}

export const paymentProjectors: ProjectorMap = {
  'payments.accountAdded': (db, { payload, at, userId }) => {
    prepared(db, `INSERT INTO pay_accounts (id, bank, number, holder, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`).run(
      payload.id,
      payload.bank,
      payload.number,
      payload.holder,
      at,
      userId,
    );
  },
  'payments.mappingSaved': (db, { payload }) => {
    prepared(db, `UPDATE pay_accounts SET mapping = ? WHERE id = ?`).run(JSON.stringify(payload.mapping), payload.accountId);
  },
  'payments.codesLeased': (db, { payload }) => {
    const upsert = prepared(
      db,
      `INSERT INTO pay_code_leases (account_number, device_id, block, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_number, block) DO UPDATE SET device_id = excluded.device_id, expires_at = excluded.expires_at`,
    );
    for (const block of payload.blocks) upsert.run(payload.accountNumber, payload.deviceId, block, payload.expiresAt);
  },
  'payments.expected': (db, { payload, at, userId }) => {
    prepared(
      db,
      `INSERT INTO pay_expected (id, account_id, base, code, total, reference, payer_name, status, created_at, created_by, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
    ).run(payload.id, payload.accountId, payload.base, payload.code, payload.total, payload.reference, payload.payerName, at, userId, payload.expiresAt);
  },
  'payments.cancelled': (db, { payload }) => {
    prepared(db, `UPDATE pay_expected SET status = 'cancelled', cancel_reason = ? WHERE id = ? AND status = 'open'`).run(payload.reason, payload.id);
  },
  'statement.imported': (db, { payload, at, userId }) => {
    if (payload.chunk === 0) {
      prepared(db, `INSERT INTO pay_imports (id, account_id, file_name, format, at, user_id) VALUES (?, ?, ?, ?, ?, ?)`).run(
        payload.importId,
        payload.accountId,
        payload.fileName,
        payload.format,
        at,
        userId,
      );
    }
    insertMutations(db, at, payload.accountId, payload.rows, 'statement', payload.importId, payload.decisions);
    // OR IGNORE: a desk that imported the same statement before it had the fed row holds the key
    // already, and keeps both rows rather than stop applying the branch's events
    const seen = prepared(db, `UPDATE OR IGNORE pay_mutations SET key = ? WHERE id = ? AND source = 'feed' AND key LIKE 'feed:%'`);
    for (const pair of payload.fed) seen.run(pair.key, pair.mutationId);
    if (payload.summary) prepared(db, `UPDATE pay_imports SET summary = ? WHERE id = ?`).run(JSON.stringify(payload.summary), payload.importId);
  },
  'mutation.fed': (db, { payload, at }) => {
    const account = prepared<[string], { id: string }>(db, `SELECT id FROM pay_accounts WHERE number = ?`).get(payload.accountNumber);
    // Head office routes a feed only to branches holding the account; a desk that has not yet
    // learnt of the account keeps nothing it could not show.
    if (account) insertMutations(db, at, account.id, [payload.row], 'feed', null, [], payload.decider);
  },
  // only a credit still undecided changes hands: one decided meanwhile keeps its decision
  'mutation.rerouted': (db, { payload }) => {
    prepared(db, `UPDATE pay_mutations SET decider = ? WHERE id = ? AND status = 'new'`).run(payload.decider, payload.mutationId);
  },
  'payments.matched': (db, { payload, at }) => {
    // The whole chunk in one statement, each decision as a short array of what its row keeps; a
    // row already decided (by another desk's decision that came first) keeps its decision, and
    // only the rows decided here mark their payment paid.
    const rows = JSON.stringify(payload.decisions.map((d) => [d.mutationId, d.outcome, d.paymentId, d.candidates.length ? d.candidates : null, keptReason(d)]));
    const decide = `UPDATE pay_mutations SET status = j.value ->> 1, payment_id = j.value ->> 2, candidates = j.value ->> 3, reason = j.value ->> 4
       FROM json_each(?) AS j WHERE pay_mutations.id = j.value ->> 0 AND pay_mutations.status = 'new'`;
    let paid: (readonly [paymentId: string, mutationId: string])[];
    try {
      // The usual case: every credit of the chunk is still new here, so each decision is taken as
      // it is, without reading back which rows changed.
      db.transaction(() => {
        if (prepared(db, decide).run(rows).changes !== payload.decisions.length) throw new NotAllNew();
      })();
      paid = payload.decisions.flatMap((d) => (d.paymentId !== null ? [[d.paymentId, d.mutationId] as const] : []));
    } catch (error) {
      if (!(error instanceof NotAllNew)) throw error;
      // Some were decided first, or are not on this desk: the chunk is undone and applied again,
      // reading back the rows it decided.
      paid = prepared<[string], { id: string; payment_id: string | null }>(db, `${decide} RETURNING pay_mutations.id, pay_mutations.payment_id`)
        .all(rows)
        .flatMap((r) => (r.payment_id !== null ? [[r.payment_id, r.id] as const] : []));
    }
    markPaidMany(db, paid, at);
  },
  'payments.fedTwinned': (db, { payload }) => applyFedTwins(db, payload.pairs),
  'verification.opened': (db, { payload, at, userId }) => {
    prepared(
      db,
      `INSERT INTO pay_cases (id, source, status, mutation_id, payment_id, note, opened_at, opened_by, updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
    ).run(payload.caseId, payload.source, payload.mutationId, payload.paymentId, payload.note, at, userId, at);
    history(db, payload.caseId, at, 'verification.opened', userId, payload.note || null);
  },
  'verification.attached': (db, { payload, at, userId, deviceId }) => {
    prepared(db, `INSERT OR IGNORE INTO pay_receipts (id, file_name, mime_type, size, sha256, at, user_id, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      payload.attachmentId,
      payload.fileName,
      payload.mimeType,
      payload.size,
      payload.sha256,
      at,
      userId,
      deviceId,
    );
  },
  'verification.proposed': (db, { payload, at, userId }) => {
    setCase(db, payload.caseId, at, {
      status: 'proposed',
      decision: payload.decision,
      mutation_id: payload.mutationId,
      payment_id: payload.paymentId,
      evidence: JSON.stringify(payload.evidence),
      proposed_by: userId,
      decided_by: null,
      rejection: null,
    });
    history(db, payload.caseId, at, 'verification.proposed', userId, payload.note || null);
  },
  'verification.approved': (db, { payload, at, userId }) => {
    setCase(db, payload.caseId, at, { status: 'approved', decided_by: userId, resolved_at: at });
    const c = prepared<[string], { decision: string; mutation_id: string | null; payment_id: string | null }>(
      db,
      `SELECT decision, mutation_id, payment_id FROM pay_cases WHERE id = ?`,
    ).get(payload.caseId)!;
    // a verified or unrelated credit reads as decided by hand: its row keeps no reason
    if (c.mutation_id) {
      prepared(db, `UPDATE pay_mutations SET status = ?, payment_id = ?, reason = NULL WHERE id = ?`).run(
        c.decision === 'link' ? 'verified' : 'unrelated',
        c.decision === 'link' ? c.payment_id : null,
        c.mutation_id,
      );
    }
    if (c.decision === 'link' && c.payment_id) markPaid(db, c.payment_id, at, 'manual', c.mutation_id);
    history(db, payload.caseId, at, 'verification.approved', userId);
  },
  'verification.rejected': (db, { payload, at, userId }) => {
    setCase(db, payload.caseId, at, { status: 'rejected', decided_by: userId, rejection: payload.reason });
    history(db, payload.caseId, at, 'verification.rejected', userId, payload.reason);
  },
  'verification.escalated': (db, { payload, at, userId }) => {
    setCase(db, payload.caseId, at, { status: 'escalated', escalated_at: at, escalation_note: payload.note, target_minutes: payload.targetMinutes });
    history(db, payload.caseId, at, 'verification.escalated', userId, payload.note);
  },
  'verification.resolved': (db, { payload, at, userId }) => {
    setCase(db, payload.caseId, at, { status: 'resolved', resolved_at: at });
    history(db, payload.caseId, at, 'verification.resolved', userId, payload.note);
  },
};
