import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { MethodName } from '../../../shared/api/index';
import type { VerificationCaseView } from '../../../shared/api/methods/payments';
import { slaClock } from '../../../shared/complaints/sla';
import type { Actor, CallContext, HandlerMap, Tx } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { checkFile, readStoredFile, storeFile } from '../complaints/attachments';
import { slaSettings } from '../complaints/settings';
import { findMutation, findPayment, mutationView, paymentView } from './queries';

// Manual verification (seed 003): a credit with several candidates or none, or a customer who says
// they paid, is worked by a person who records the SOP's evidence (account, bank, holder, date, a
// photo of the receipt) and proposes; a second person approves or rejects. A case that needs
// operations ("OP") is escalated with a clock in business time.

/** Operations' target for an escalated case: one working day at the branch's hours. */
export const ESCALATION_TARGET_MINUTES = 8 * 60;
const WARN_BEFORE_MS = 60 * 60_000;

interface CaseRow {
  id: string;
  source: VerificationCaseView['source'];
  status: VerificationCaseView['status'];
  mutation_id: string | null;
  payment_id: string | null;
  decision: 'link' | 'unrelated' | null;
  evidence: string | null;
  note: string;
  opened_at: number;
  opened_by: string | null;
  opened_by_name: string | null;
  proposed_by: string | null;
  proposed_by_name: string | null;
  decided_by_name: string | null;
  rejection: string | null;
  escalated_at: number | null;
  escalation_note: string | null;
  target_minutes: number | null;
  resolved_at: number | null;
}

const CASE_SELECT = `SELECT c.*, o.display_name AS opened_by_name, p.display_name AS proposed_by_name, d.display_name AS decided_by_name
  FROM pay_cases c LEFT JOIN users o ON o.id = c.opened_by LEFT JOIN users p ON p.id = c.proposed_by LEFT JOIN users d ON d.id = c.decided_by`;

function findCase(db: Db, id: string): CaseRow {
  const row = prepared<[string], CaseRow>(db, `${CASE_SELECT} WHERE c.id = ?`).get(id);
  if (!row) throw new ApiError('not_found', 'errors.notFound');
  return row;
}

export function caseView(db: Db, row: CaseRow, now: number): VerificationCaseView {
  const mutation = row.mutation_id ? findMutation(db, row.mutation_id) : undefined;
  const payment = row.payment_id ? findPayment(db, row.payment_id) : undefined;
  const candidateIds = mutation?.candidates ? (JSON.parse(mutation.candidates) as string[]) : [];
  const evidence = row.evidence ? (JSON.parse(row.evidence) as Omit<NonNullable<VerificationCaseView['evidence']>, 'fileName'>) : null;
  const receipt = evidence ? prepared<[string], { file_name: string }>(db, `SELECT file_name FROM pay_receipts WHERE id = ?`).get(evidence.attachmentId) : undefined;
  const settings = slaSettings(db);
  const history = prepared<[string], { at: number; type: string; by: string | null; note: string | null }>(
    db,
    `SELECT h.at, h.type, u.display_name AS by, h.note FROM pay_case_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.case_id = ? ORDER BY h.at, h.rowid`,
  ).all(row.id);
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    mutation: mutation ? mutationView(mutation) : null,
    payment: payment ? paymentView(payment, now) : null,
    candidates: candidateIds.flatMap((id) => {
      const p = findPayment(db, id);
      return p ? [paymentView(p, now)] : [];
    }),
    decision: row.decision,
    evidence: evidence ? { ...evidence, fileName: receipt?.file_name ?? null } : null,
    note: row.note,
    openedAt: row.opened_at,
    openedBy: row.opened_by_name,
    proposedBy: row.proposed_by_name,
    proposedById: row.proposed_by,
    decidedBy: row.decided_by_name,
    rejection: row.rejection,
    escalation:
      row.escalated_at !== null
        ? {
            at: row.escalated_at,
            note: row.escalation_note ?? '',
            sla: slaClock({
              startedAt: row.escalated_at,
              calendar: settings.calendar,
              pauses: [],
              targetMs: (row.target_minutes ?? ESCALATION_TARGET_MINUTES) * 60_000,
              warnBeforeMs: WARN_BEFORE_MS,
              now,
              stoppedAt: row.resolved_at,
            }),
          }
        : null,
    history,
  };
}

function view(tx: Tx, id: string): VerificationCaseView {
  return caseView(tx.db, findCase(tx.db, id), tx.now);
}

function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new ApiError('unauthenticated', 'errors.unauthenticated');
  return ctx.actor;
}

function inStatus(row: CaseRow, allowed: readonly VerificationCaseView['status'][]): void {
  if (!allowed.includes(row.status)) throw new ApiError('conflict', 'payments.errors.caseState', { status: row.status });
}

/** Four eyes: whoever proposed does not decide. */
function notProposer(row: CaseRow, actor: Actor): void {
  if (row.proposed_by === actor.userId) throw new ApiError('forbidden', 'payments.errors.sameApprover');
}

type Method =
  | 'verification.list'
  | 'verification.get'
  | 'verification.open'
  | 'verification.attach'
  | 'verification.attachment'
  | 'verification.propose'
  | 'verification.approve'
  | 'verification.reject'
  | 'verification.escalate'
  | 'verification.resolve';

export const verificationHandlers: HandlerMap<Extract<MethodName, Method>> = {
  'verification.list': {
    run: (tx, input) => {
      const rows = input.status
        ? prepared<[string], CaseRow>(tx.db, `${CASE_SELECT} WHERE c.status = ? ORDER BY c.opened_at DESC LIMIT 500`).all(input.status)
        : prepared<[], CaseRow>(tx.db, `${CASE_SELECT} ORDER BY c.status IN ('approved', 'resolved'), c.opened_at DESC LIMIT 500`).all();
      const waiting = (status: string) =>
        prepared<[string], { n: number }>(
          tx.db,
          `SELECT count(*) AS n FROM pay_mutations m WHERE m.status = ? AND NOT EXISTS (SELECT 1 FROM pay_cases c WHERE c.mutation_id = m.id)`,
        ).get(status)!.n;
      return { cases: rows.map((r) => caseView(tx.db, r, tx.now)), waiting: { ambiguous: waiting('ambiguous'), unmatched: waiting('unmatched') } };
    },
  },
  'verification.get': { run: (tx, input) => view(tx, input.caseId) },
  'verification.open': {
    run: (tx, input) => {
      if (!input.mutationId && !input.paymentId) throw ApiError.badInput([{ path: 'mutationId', key: 'payments.errors.caseSubject' }]);
      let source: 'ambiguous' | 'unmatched' | 'claim' = 'claim';
      if (input.mutationId) {
        const mutation = findMutation(tx.db, input.mutationId);
        if (!mutation) throw new ApiError('not_found', 'errors.notFound');
        if (mutation.status !== 'ambiguous' && mutation.status !== 'unmatched') throw new ApiError('conflict', 'payments.errors.notQueued', { status: mutation.status });
        const open = prepared<[string], { id: string }>(tx.db, `SELECT id FROM pay_cases WHERE mutation_id = ? AND status NOT IN ('approved', 'resolved')`).get(input.mutationId);
        if (open) return view(tx, open.id);
        source = mutation.status;
      }
      if (input.paymentId) {
        const payment = findPayment(tx.db, input.paymentId);
        if (!payment) throw new ApiError('not_found', 'errors.notFound');
        if (payment.status !== 'open') throw new ApiError('conflict', 'payments.errors.notOpen', { status: payment.status });
      }
      const caseId = randomUUID();
      tx.emit('verification.opened', { caseId, source, mutationId: input.mutationId ?? null, paymentId: input.paymentId ?? null, note: input.note });
      return view(tx, caseId);
    },
  },
  'verification.attach': {
    prepare: async (input) => checkFile(input),
    run: (tx, input, file: ReturnType<typeof checkFile>) => {
      storeFile(tx.db, file);
      const attachmentId = randomUUID();
      tx.emit('verification.attached', { attachmentId, fileName: input.fileName, mimeType: file.mimeType, size: file.bytes.length, sha256: file.sha256 });
      return { attachmentId, fileName: input.fileName };
    },
  },
  'verification.attachment': {
    run: (tx, input) => {
      const row = prepared<[string], { file_name: string; mime_type: string; sha256: string }>(tx.db, `SELECT file_name, mime_type, sha256 FROM pay_receipts WHERE id = ?`).get(
        input.attachmentId,
      );
      if (!row) throw new ApiError('not_found', 'errors.notFound');
      const bytes = readStoredFile(tx.db, row.sha256);
      if (!bytes) throw new ApiError('not_found', 'payments.errors.receiptElsewhere');
      return { fileName: row.file_name, mimeType: row.mime_type, dataBase64: bytes.toString('base64') };
    },
  },
  'verification.propose': {
    run: (tx, input) => {
      const row = findCase(tx.db, input.caseId);
      inStatus(row, ['open', 'rejected', 'escalated']);
      const receipt = prepared<[string], { id: string }>(tx.db, `SELECT id FROM pay_receipts WHERE id = ?`).get(input.evidence.attachmentId);
      const issues = receipt ? [] : [{ path: 'evidence.attachmentId', key: 'payments.errors.receiptMissing' }];
      if (input.decision === 'link' && !input.paymentId) issues.push({ path: 'paymentId', key: 'payments.errors.choosePayment' });
      if (input.decision === 'unrelated' && !row.mutation_id) issues.push({ path: 'decision', key: 'payments.errors.unrelatedNeedsCredit' });
      if (issues.length) throw ApiError.badInput(issues);
      if (input.decision === 'link') {
        const payment = findPayment(tx.db, input.paymentId!);
        if (!payment) throw new ApiError('not_found', 'errors.notFound');
        if (payment.status !== 'open') throw new ApiError('conflict', 'payments.errors.notOpen', { status: payment.status });
      }
      tx.emit('verification.proposed', {
        caseId: row.id,
        mutationId: row.mutation_id,
        paymentId: input.decision === 'link' ? input.paymentId! : null,
        decision: input.decision,
        evidence: { ...input.evidence, accountNumber: input.evidence.accountNumber.replace(/\D/g, '') },
        note: input.note,
      });
      return view(tx, row.id);
    },
  },
  'verification.approve': {
    run: (tx, input) => {
      const row = findCase(tx.db, input.caseId);
      inStatus(row, ['proposed']);
      notProposer(row, actorOf(tx));
      if (row.decision === 'link' && row.payment_id && findPayment(tx.db, row.payment_id)?.status !== 'open') {
        throw new ApiError('conflict', 'payments.errors.notOpen', { status: findPayment(tx.db, row.payment_id)?.status ?? 'unknown' });
      }
      tx.emit('verification.approved', { caseId: row.id });
      return view(tx, row.id);
    },
  },
  'verification.reject': {
    run: (tx, input) => {
      const row = findCase(tx.db, input.caseId);
      inStatus(row, ['proposed']);
      notProposer(row, actorOf(tx));
      tx.emit('verification.rejected', { caseId: row.id, reason: input.reason });
      return view(tx, row.id);
    },
  },
  'verification.escalate': {
    run: (tx, input) => {
      const row = findCase(tx.db, input.caseId);
      inStatus(row, ['open', 'rejected']);
      tx.emit('verification.escalated', { caseId: row.id, note: input.note, targetMinutes: ESCALATION_TARGET_MINUTES });
      return view(tx, row.id);
    },
  },
  'verification.resolve': {
    run: (tx, input) => {
      const row = findCase(tx.db, input.caseId);
      inStatus(row, ['escalated']);
      tx.emit('verification.resolved', { caseId: row.id, note: input.note });
      return view(tx, row.id);
    },
  },
};
