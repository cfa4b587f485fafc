import type { MigrationInterface, QueryRunner } from 'typeorm';

// The vocabularies as they were when this migration was written (a migration never changes; a new
// category gets a migration of its own).
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const COMPLAINT_CATEGORIES = ['penagihan', 'pencairan-pinjaman', 'konfirmasi-pembayaran', 'metode-pembayaran'];
const COMPLAINT_CHANNELS = ['hotline', 'social-media', 'live-chat', 'email', 'walk-in'];
const COMPLAINT_STATUSES = ['open', 'waiting-customer', 'escalated-manager', 'escalated-department', 'resolved', 'reopened'];
const IDENTITY_METHODS = ['phone', 'nik', 'full-name'];
const HOLIDAY_KINDS = ['nasional', 'cuti-bersama'];
const FAQ_CATEGORIES = ['KENDALA', 'CARA KERJA'];

// The complaints desk as head office knows it: every branch's complaints (kept from the events the
// desks push, so head office sees all branches), and what head office decides for all of them and
// sends by pull: the knowledge base's articles, the holiday calendar, the working weeks and the SLA
// targets. The events stay the truth; these tables are what the admin pages and rules read.
export class Complaints1764200000000 implements MigrationInterface {
  name = 'Complaints1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const big = pg ? 'BIGINT' : 'INTEGER';
    // seq: the complaint's place among its branch's complaints as head office received them.
    await q.query(`CREATE TABLE ho_complaints (
      id TEXT PRIMARY KEY,
      branch_code TEXT NOT NULL,
      seq INTEGER NOT NULL,
      category TEXT NOT NULL CHECK (category IN (${list(COMPLAINT_CATEGORIES)})),
      channel TEXT NOT NULL CHECK (channel IN (${list(COMPLAINT_CHANNELS)})),
      status TEXT NOT NULL CHECK (status IN (${list(COMPLAINT_STATUSES)})),
      customer_name TEXT NOT NULL,
      customer_phone TEXT,
      customer_nik TEXT,
      verified_by TEXT NOT NULL CHECK (verified_by IN (${list(IDENTITY_METHODS)})),
      description TEXT NOT NULL,
      created_at ${big} NOT NULL,
      created_by TEXT,
      first_response_at ${big},
      resolved_at ${big},
      escalation TEXT NOT NULL DEFAULT 'none' CHECK (escalation IN ('none', 'cs-manager', 'department')),
      escalations INTEGER NOT NULL DEFAULT 0,
      department TEXT,
      updated_at ${big} NOT NULL,
      UNIQUE (branch_code, seq)
    )`);
    await q.query(`CREATE INDEX ho_complaints_by_time ON ho_complaints (created_at)`);
    await q.query(`CREATE INDEX ho_complaints_by_branch ON ho_complaints (branch_code, created_at)`);
    // Every status a complaint went through, for the SLA pauses (waiting on the customer).
    await q.query(`CREATE TABLE ho_complaint_statuses (
      complaint_id TEXT NOT NULL REFERENCES ho_complaints (id),
      at ${big} NOT NULL,
      status TEXT NOT NULL CHECK (status IN (${list(COMPLAINT_STATUSES)}))
    )`);
    await q.query(`CREATE INDEX ho_complaint_statuses_by_complaint ON ho_complaint_statuses (complaint_id, at)`);
    await q.query(`CREATE TABLE ho_complaint_articles (
      complaint_id TEXT NOT NULL REFERENCES ho_complaints (id),
      article_id TEXT NOT NULL,
      PRIMARY KEY (complaint_id, article_id)
    )`);
    // Articles head office published (new, or an edit of a seed article under its id) or retired.
    await q.query(`CREATE TABLE ho_kb_articles (
      id TEXT PRIMARY KEY,
      question TEXT,
      category TEXT CHECK (category IN (${list(FAQ_CATEGORIES)})),
      section TEXT,
      step_groups TEXT,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      updated_at ${big} NOT NULL,
      updated_by TEXT
    )`);
    await q.query(`CREATE TABLE ho_holidays (
      date TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN (${list(HOLIDAY_KINDS)}))
    )`);
    // Set once head office first sends a list; until then the branches keep their built-in one.
    await q.query(`CREATE TABLE ho_calendar_state (key TEXT PRIMARY KEY, updated_at ${big} NOT NULL)`);
    // '*' is the default week of every branch; a branch code overrides it.
    await q.query(`CREATE TABLE ho_business_weeks (scope TEXT PRIMARY KEY, setting TEXT NOT NULL, updated_at ${big} NOT NULL)`);
    await q.query(`CREATE TABLE ho_sla_targets (
      category TEXT PRIMARY KEY CHECK (category IN (${list(COMPLAINT_CATEGORIES)})),
      first_response_minutes INTEGER NOT NULL CHECK (first_response_minutes > 0),
      resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes > 0),
      warn_before_minutes INTEGER NOT NULL CHECK (warn_before_minutes >= 0),
      updated_at ${big} NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ho_sla_targets', 'ho_business_weeks', 'ho_calendar_state', 'ho_holidays', 'ho_kb_articles', 'ho_complaint_articles', 'ho_complaint_statuses', 'ho_complaints']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
