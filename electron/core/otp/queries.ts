import type { ApplicationStatus, ApplicationView } from '../../../shared/otp/model';
import { prepared, type Db } from '../ledger/sql';

// The SQL of the OTP desk: otp_applications, written only by the projectors.

/** An application with the facts only the core needs (who approved at each level). */
export interface ApplicationRecord extends ApplicationView {
  kasieBy: string | null;
  kacabBy: string | null;
}

interface ApplicationRow {
  id: string;
  customer_name: string;
  nik: string;
  phone1: string;
  phone2: string | null;
  email: string | null;
  address: string;
  product: ApplicationView['product'];
  status: ApplicationStatus;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  rejected_reason: string | null;
  kasie_by: string | null;
  kacab_by: string | null;
  last_sent_at: number | null;
  send_count: number;
  last_delivery: ApplicationView['lastDelivery'];
  confirmed_at: number | null;
  confirmed_via: ApplicationView['confirmedVia'];
}

function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id,
    customerName: row.customer_name,
    nik: row.nik,
    phone1: row.phone1,
    phone2: row.phone2,
    email: row.email,
    address: row.address,
    product: row.product,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rejectedReason: row.rejected_reason,
    lastSentAt: row.last_sent_at,
    sendCount: row.send_count,
    lastDelivery: row.last_delivery,
    confirmedAt: row.confirmed_at,
    confirmedVia: row.confirmed_via,
    kasieBy: row.kasie_by,
    kacabBy: row.kacab_by,
  };
}

export function toApplicationView(record: ApplicationRecord): ApplicationView {
  const { kasieBy: _kasie, kacabBy: _kacab, ...view } = record;
  return view;
}

export function findApplication(db: Db, id: string): ApplicationRecord | null {
  const row = prepared<[string], ApplicationRow>(db, `SELECT * FROM otp_applications WHERE id = ?`).get(id);
  return row ? toRecord(row) : null;
}

/** Longest list a desk gets in one answer; the filters narrow it. */
export const LIST_LIMIT = 500;

export interface ListFilter {
  status?: ApplicationStatus | undefined;
  /** Matched against the name and NIK (contains), and both phones (exact E.164). */
  text?: { pattern: string; nikPattern: string; phone: string | null } | undefined;
}

const TEXT_MATCH = `(customer_name LIKE @pattern ESCAPE '\\' OR nik LIKE @nikPattern ESCAPE '\\' OR phone1 = @phone OR phone2 = @phone)`;

/** Newest change first; a separate statement per filter shape so each one uses its index. */
export function listApplications(db: Db, filter: ListFilter): ApplicationRecord[] {
  const where = [filter.status ? `status = @status` : null, filter.text ? TEXT_MATCH : null].filter((w) => w !== null);
  const sql = `SELECT * FROM otp_applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT ${LIST_LIMIT}`;
  const params = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.text ? { pattern: filter.text.pattern, nikPattern: filter.text.nikPattern, phone: filter.text.phone } : {}),
  };
  return prepared<[Record<string, unknown>], ApplicationRow>(db, sql).all(params).map(toRecord);
}

/**
 * Applications whose Phone 1 or Phone 2 is `e164`, waiting ones first. Confirmed ones are found
 * too, so a CS handed a code the customer already typed sees "already confirmed" (seed 000, 4.5)
 * instead of "nothing found".
 */
export function searchByPhone(db: Db, e164: string): ApplicationRecord[] {
  return prepared<{ phone: string }, ApplicationRow>(
    db,
    `SELECT * FROM otp_applications
     WHERE id IN (
       SELECT id FROM otp_applications WHERE phone1 = @phone AND status IN ('Waiting Confirmation', 'In Progress')
       UNION SELECT id FROM otp_applications WHERE phone2 = @phone AND status IN ('Waiting Confirmation', 'In Progress'))
     ORDER BY status = 'Waiting Confirmation' DESC, updated_at DESC, id
     LIMIT 50`,
  )
    .all({ phone: e164 })
    .map(toRecord);
}

export interface NewApplication {
  id: string;
  customerName: string;
  nik: string;
  phone1: string;
  phone2: string | null;
  email: string | null;
  address: string;
  product: ApplicationView['product'];
  createdBy: string | null;
  at: number;
}

export function insertApplication(db: Db, a: NewApplication): void {
  prepared(
    db,
    `INSERT INTO otp_applications (id, customer_name, nik, phone1, phone2, email, address, product, status, created_by, created_at, updated_at)
     VALUES (@id, @customerName, @nik, @phone1, @phone2, @email, @address, @product, 'Draft', @createdBy, @at, @at)`,
  ).run(a);
}

export interface StatusChange {
  status: ApplicationStatus;
  at: number;
  rejectedReason?: string;
  kasieBy?: string | null;
  kacabBy?: string | null;
  confirmedAt?: number;
  confirmedVia?: 'customer' | 'cs';
}

/** Sets the status and, where given, the fact that came with it; other columns stay. */
export function updateStatus(db: Db, id: string, change: StatusChange): void {
  prepared(
    db,
    `UPDATE otp_applications SET
       status = @status,
       updated_at = @at,
       rejected_reason = CASE WHEN @setReason THEN @rejectedReason ELSE rejected_reason END,
       kasie_by = CASE WHEN @setKasie THEN @kasieBy ELSE kasie_by END,
       kacab_by = CASE WHEN @setKacab THEN @kacabBy ELSE kacab_by END,
       confirmed_at = CASE WHEN @setConfirmed THEN @confirmedAt ELSE confirmed_at END,
       confirmed_via = CASE WHEN @setConfirmed THEN @confirmedVia ELSE confirmed_via END
     WHERE id = @id`,
  ).run({
    id,
    status: change.status,
    at: change.at,
    setReason: change.rejectedReason !== undefined ? 1 : 0,
    rejectedReason: change.rejectedReason ?? null,
    setKasie: change.kasieBy !== undefined ? 1 : 0,
    kasieBy: change.kasieBy ?? null,
    setKacab: change.kacabBy !== undefined ? 1 : 0,
    kacabBy: change.kacabBy ?? null,
    setConfirmed: change.confirmedAt !== undefined ? 1 : 0,
    confirmedAt: change.confirmedAt ?? null,
    confirmedVia: change.confirmedVia ?? null,
  });
}

/**
 * A code head office sent (or failed to). Sends can arrive out of order across pulls only in
 * theory (head office numbers them per application), so the highest send number wins.
 */
export function recordSend(db: Db, id: string, send: { sendNumber: number; sentAt: number; delivery: 'sent' | 'failed'; at: number }): void {
  prepared(
    db,
    `UPDATE otp_applications SET
       last_sent_at = CASE WHEN @sendNumber >= send_count THEN @sentAt ELSE last_sent_at END,
       last_delivery = CASE WHEN @sendNumber >= send_count THEN @delivery ELSE last_delivery END,
       send_count = max(send_count, @sendNumber),
       updated_at = max(updated_at, @at)
     WHERE id = @id`,
  ).run({ id, ...send });
}

// WhatsApp reports sent → delivered → read; a late "delivered" after "read" must not go back.
const DELIVERY_RANK = { sent: 0, failed: 0, delivered: 1, read: 2 } as const;

/** Head office's delivery report for a send; only the latest send's counts. */
export function recordDelivery(db: Db, id: string, update: { sendNumber: number; delivery: keyof typeof DELIVERY_RANK; at: number }): void {
  const current = prepared<[string], { send_count: number; last_delivery: keyof typeof DELIVERY_RANK | null }>(
    db,
    `SELECT send_count, last_delivery FROM otp_applications WHERE id = ?`,
  ).get(id);
  if (!current || update.sendNumber !== current.send_count) return;
  if (current.last_delivery && DELIVERY_RANK[update.delivery] < DELIVERY_RANK[current.last_delivery]) return;
  prepared(db, `UPDATE otp_applications SET last_delivery = ?, updated_at = max(updated_at, ?) WHERE id = ?`).run(update.delivery, update.at, id);
}
