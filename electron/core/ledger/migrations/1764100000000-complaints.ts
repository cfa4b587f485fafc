import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { FaqArticle } from '../../../../shared/kb/faq';
import { ftsDocument } from '../../../../shared/kb/normalize';
import faqSeed from '../../../../resources/kb/faq-002.json';

// The complaints desk (seed 001) and the knowledge base (seed 002). complaints and its side tables
// are written only by the projectors of the complaint.* events; kb_articles starts with the seed
// FAQ (so a desk can suggest articles before its first sync) and then follows head office's
// kb.* events. Enum values are written out so this migration stays what it was.
export class Complaints1764100000000 implements MigrationInterface {
  name = 'Complaints1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // number: the branch's running number (KL-<branch>-000042), in the order the desk learnt of
    // them. facts, steps_done, history and report are JSON. history is the status changes the SLA
    // pauses come from; the *_outcome and *_breach_at columns are what the SLA clocks say with the
    // calendar in force, kept so the weekly evaluation does not rerun the clocks of every row.
    await q.query(`CREATE TABLE complaints (
      id TEXT PRIMARY KEY NOT NULL,
      number INTEGER NOT NULL UNIQUE,
      category TEXT NOT NULL CHECK (category IN ('penagihan', 'pencairan-pinjaman', 'konfirmasi-pembayaran', 'metode-pembayaran')),
      channel TEXT NOT NULL CHECK (channel IN ('hotline', 'social-media', 'live-chat', 'email', 'walk-in')),
      status TEXT NOT NULL CHECK (status IN ('open', 'waiting-customer', 'escalated-manager', 'escalated-department', 'resolved', 'reopened')),
      customer_name TEXT NOT NULL,
      customer_phone TEXT,
      customer_nik TEXT,
      verified_by TEXT NOT NULL CHECK (verified_by IN ('phone', 'nik', 'full-name')),
      description TEXT NOT NULL,
      facts TEXT NOT NULL,
      steps_done TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      created_by TEXT,
      updated_at INTEGER NOT NULL,
      first_response_at INTEGER,
      resolved_at INTEGER,
      resumes_to TEXT,
      escalation TEXT NOT NULL DEFAULT 'none' CHECK (escalation IN ('none', 'cs-manager', 'department')),
      escalations INTEGER NOT NULL DEFAULT 0 CHECK (escalations >= 0),
      department TEXT,
      history TEXT NOT NULL,
      paused_since INTEGER,
      fr_outcome TEXT CHECK (fr_outcome IN ('met', 'breached')),
      fr_breach_at INTEGER NOT NULL,
      res_outcome TEXT CHECK (res_outcome IN ('met', 'breached')),
      res_breach_at INTEGER NOT NULL,
      report TEXT,
      resolved_by TEXT
    )`);
    await q.query(`CREATE INDEX complaints_by_created ON complaints (created_at)`);
    await q.query(`CREATE INDEX complaints_by_status ON complaints (status, created_at)`);
    await q.query(`CREATE INDEX complaints_by_phone ON complaints (customer_phone) WHERE customer_phone IS NOT NULL`);
    await q.query(`CREATE INDEX complaints_by_nik ON complaints (customer_nik) WHERE customer_nik IS NOT NULL`);
    await q.query(`CREATE TABLE complaint_timeline (
      seq INTEGER PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      user_id TEXT,
      note TEXT,
      department TEXT
    )`);
    await q.query(`CREATE INDEX complaint_timeline_by_complaint ON complaint_timeline (complaint_id, at)`);
    await q.query(`CREATE TABLE complaint_articles (
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      article_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (complaint_id, article_id)
    ) WITHOUT ROWID`);
    // The file itself is in the data folder under its sha256; only this desk has it.
    await q.query(`CREATE TABLE complaint_attachments (
      id TEXT PRIMARY KEY NOT NULL,
      complaint_id TEXT NOT NULL REFERENCES complaints (id),
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')),
      size INTEGER NOT NULL CHECK (size > 0),
      sha256 TEXT NOT NULL,
      at INTEGER NOT NULL,
      user_id TEXT
    )`);
    await q.query(`CREATE INDEX complaint_attachments_by_complaint ON complaint_attachments (complaint_id, at)`);
    // Head office's settings as last received: key 'holidays', 'week:*' (every branch),
    // 'week:<code>', 'targets:<category>'; value JSON. Absent = the built-in default.
    await q.query(`CREATE TABLE complaint_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID`);

    // doc is the FTS rowid. Retired articles stay (a complaint still names the one it used) but
    // leave the index.
    await q.query(`CREATE TABLE kb_articles (
      doc INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      question TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('KENDALA', 'CARA KERJA')),
      section TEXT NOT NULL,
      step_groups TEXT NOT NULL,
      steps TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('seed', 'headoffice')),
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      updated_at INTEGER
    )`);
    // Columns hold shared/kb/normalize.ts ftsDocument() text: words as typed plus their stems.
    await q.query(`CREATE VIRTUAL TABLE kb_fts USING fts5(id UNINDEXED, question, body, tokenize = 'unicode61')`);
    for (const article of faqSeed as FaqArticle[]) {
      const result: unknown = await q.query(
        `INSERT INTO kb_articles (id, question, category, section, step_groups, steps, origin) VALUES (?, ?, ?, ?, ?, ?, 'seed') RETURNING doc`,
        [article.id, article.question, article.category, article.section, JSON.stringify(article.stepGroups), JSON.stringify(article.steps)],
      );
      const doc = (result as { doc: number }[])[0]!.doc;
      await q.query(`INSERT INTO kb_fts (rowid, id, question, body) VALUES (?, ?, ?, ?)`, [
        doc,
        article.id,
        ftsDocument(article.question),
        ftsDocument(`${article.section} ${article.steps.join(' ')}`),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['kb_fts', 'kb_articles', 'complaint_settings', 'complaint_attachments', 'complaint_articles', 'complaint_timeline', 'complaints']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
