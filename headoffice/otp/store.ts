import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from '../../shared/otp/model';
import type { Sql } from '../db/database';

// The OTP tables' queries, each taking the database (or a transaction) first. PostgreSQL returns
// BIGINT as text, so every number is read through num().

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export interface Application {
  id: string;
  branchCode: string;
  customerName: string;
  phone1: string;
  status: ApplicationStatus;
  wrongAttempts: number;
  linkExpiresAt: number | null;
}

type ApplicationRecord = {
  id: string;
  branch_code: string;
  customer_name: string;
  phone1: string;
  status: ApplicationStatus;
  wrong_attempts: unknown;
  link_expires_at: unknown;
};

const toApplication = (r: ApplicationRecord): Application => ({
  id: r.id,
  branchCode: r.branch_code,
  customerName: r.customer_name,
  phone1: r.phone1,
  status: r.status,
  wrongAttempts: num(r.wrong_attempts),
  linkExpiresAt: numOrNull(r.link_expires_at),
});

const APPLICATION_COLUMNS = 'a.id, a.branch_code, a.customer_name, a.phone1, a.status, a.wrong_attempts, a.link_expires_at';

export async function findApplication(sql: Sql, id: string): Promise<Application | null> {
  const [row] = await sql<ApplicationRecord>(`SELECT ${APPLICATION_COLUMNS} FROM ho_otp_applications a WHERE a.id = ?`, [id]);
  return row ? toApplication(row) : null;
}

/** The application a customer-page link opens, whichever of its sends the link came with. */
export async function applicationByToken(sql: Sql, tokenHash: string): Promise<Application | null> {
  const [row] = await sql<ApplicationRecord>(
    `SELECT ${APPLICATION_COLUMNS} FROM ho_otp_codes c JOIN ho_otp_applications a ON a.id = c.application_id WHERE c.token_hash = ?`,
    [tokenHash],
  );
  return row ? toApplication(row) : null;
}

export async function insertApplication(
  sql: Sql,
  a: { id: string; branchCode: string; customerName: string; phone1: string },
  at: number,
): Promise<void> {
  await sql(
    `INSERT INTO ho_otp_applications (id, branch_code, customer_name, phone1, status, wrong_attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Draft', 0, ?, ?)`,
    [a.id, a.branchCode, a.customerName, a.phone1, at, at],
  );
}

export async function setStatus(sql: Sql, id: string, status: ApplicationStatus, at: number): Promise<void> {
  await sql(`UPDATE ho_otp_applications SET status = ?, updated_at = ? WHERE id = ?`, [status, at, id]);
}

export async function countWrongAttempt(sql: Sql, id: string): Promise<void> {
  await sql(`UPDATE ho_otp_applications SET wrong_attempts = wrong_attempts + 1 WHERE id = ?`, [id]);
}

export interface CodeRow {
  applicationId: string;
  sendNumber: number;
  codeHash: string;
  sentAt: number;
  expiresAt: number;
  superseded: boolean;
  usedAt: number | null;
  delivery: 'sent' | 'failed';
  failure: string | null;
  requestedBy: string | null;
  announced: boolean;
}

type CodeRecord = Record<'application_id' | 'code_hash' | 'delivery' | 'failure' | 'requested_by', string> &
  Record<'send_number' | 'sent_at' | 'expires_at' | 'superseded' | 'used_at' | 'announced', unknown>;

const toCode = (r: CodeRecord): CodeRow => ({
  applicationId: r.application_id,
  sendNumber: num(r.send_number),
  codeHash: r.code_hash,
  sentAt: num(r.sent_at),
  expiresAt: num(r.expires_at),
  superseded: num(r.superseded) === 1,
  usedAt: numOrNull(r.used_at),
  delivery: r.delivery as CodeRow['delivery'],
  failure: r.failure,
  requestedBy: r.requested_by,
  announced: num(r.announced) === 1,
});

const CODE_COLUMNS = 'application_id, send_number, code_hash, sent_at, expires_at, superseded, used_at, delivery, failure, requested_by, announced';

/** The code that counts now: the last one sent (every earlier one is superseded). */
export async function currentCode(sql: Sql, applicationId: string): Promise<CodeRow | null> {
  const [row] = await sql<CodeRecord>(
    `SELECT ${CODE_COLUMNS} FROM ho_otp_codes WHERE application_id = ? AND superseded = 0 ORDER BY send_number DESC LIMIT 1`,
    [applicationId],
  );
  return row ? toCode(row) : null;
}

export async function codeOfSend(sql: Sql, applicationId: string, sendNumber: number): Promise<CodeRow | null> {
  const [row] = await sql<CodeRecord>(`SELECT ${CODE_COLUMNS} FROM ho_otp_codes WHERE application_id = ? AND send_number = ?`, [applicationId, sendNumber]);
  return row ? toCode(row) : null;
}

export async function codeOfOutbox(sql: Sql, outboxId: string): Promise<CodeRow | null> {
  const [row] = await sql<CodeRecord>(`SELECT ${CODE_COLUMNS} FROM ho_otp_codes WHERE outbox_id = ?`, [outboxId]);
  return row ? toCode(row) : null;
}

export async function unannouncedCodes(sql: Sql): Promise<(CodeRow & { branchCode: string })[]> {
  const rows = await sql<CodeRecord & { branch_code: string }>(
    `SELECT ${CODE_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}, a.branch_code
     FROM ho_otp_codes c JOIN ho_otp_applications a ON a.id = c.application_id
     WHERE c.announced = 0 ORDER BY c.sent_at LIMIT 100`,
  );
  return rows.map((r) => ({ ...toCode(r), branchCode: r.branch_code }));
}

/**
 * When the application's codes went out, for the resend rule: every send counts, a failed one
 * too (resending is the answer to a failed send, and it keeps its 5-minute gap), and so does a
 * send still waiting in the outbox.
 */
export async function sendTimes(sql: Sql, applicationId: string): Promise<number[]> {
  const rows = await sql<{ at: unknown }>(
    `SELECT sent_at AS at FROM ho_otp_codes WHERE application_id = ?
     UNION ALL
     SELECT requested_at AS at FROM ho_otp_outbox WHERE application_id = ? AND processed_at IS NULL`,
    [applicationId, applicationId],
  );
  return rows.map((r) => num(r.at));
}

export async function queueSend(sql: Sql, applicationId: string, requestedBy: string | null, at: number): Promise<string> {
  const id = randomUUID();
  await sql(`INSERT INTO ho_otp_outbox (id, application_id, requested_by, requested_at) VALUES (?, ?, ?, ?)`, [id, applicationId, requestedBy, at]);
  return id;
}

export interface QueuedSend {
  id: string;
  applicationId: string;
  requestedBy: string | null;
}

export async function hasWork(sql: Sql): Promise<boolean> {
  return (await sql(`SELECT id FROM ho_otp_outbox WHERE processed_at IS NULL LIMIT 1`)).length > 0;
}

/**
 * Takes up to `limit` queued sends for this run. The claim is a lease on the wall clock (not the
 * injected domain clock): a send claimed by a process that died is taken again a minute later.
 */
export async function claimQueuedSends(sql: Sql, wallNow: number, limit = 20): Promise<QueuedSend[]> {
  const rows = await sql<{ id: string; application_id: string; requested_by: string | null }>(
    `SELECT id, application_id, requested_by FROM ho_otp_outbox
     WHERE processed_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY requested_at LIMIT ?`,
    [wallNow - 60_000, limit],
  );
  for (const r of rows) await sql(`UPDATE ho_otp_outbox SET claimed_at = ? WHERE id = ?`, [wallNow, r.id]);
  return rows.map((r) => ({ id: r.id, applicationId: r.application_id, requestedBy: r.requested_by }));
}

export async function finishSend(sql: Sql, outboxId: string, outcome: 'sent' | 'skipped', at: number): Promise<void> {
  await sql(`UPDATE ho_otp_outbox SET processed_at = ?, outcome = ? WHERE id = ?`, [at, outcome, outboxId]);
}

export async function outboxOutcome(sql: Sql, outboxId: string): Promise<'sent' | 'skipped' | null> {
  const [row] = await sql<{ outcome: 'sent' | 'skipped' | null }>(`SELECT outcome FROM ho_otp_outbox WHERE id = ?`, [outboxId]);
  return row?.outcome ?? null;
}
