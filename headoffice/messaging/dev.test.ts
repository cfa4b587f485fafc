import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHoDatabase, parseDatabaseUrl, type HoDatabase } from '../db/database';
import { databaseFor, DIALECTS } from '../testing';
import { devEmail, devSms } from './dev';

const AT = Date.UTC(2026, 10, 14, 3);

interface NoticeRow {
  provider_message_id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  attachment_name: string | null;
  attachment_bytes: number | string | null;
  recorded_at: number | string;
}

describe.each(DIALECTS)('the development recorders of invoice notices on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof databaseFor>>;
  let db: HoDatabase;
  beforeEach(async () => {
    database = await databaseFor(dialect);
    db = await openHoDatabase(parseDatabaseUrl(database.url));
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  const rows = () =>
    db.read<NoticeRow>(
      `SELECT provider_message_id, channel, recipient, subject, body, attachment_name, attachment_bytes, recorded_at FROM ho_dev_notices ORDER BY seq`,
    );

  it('keeps an email with its subject, text and attachment name and size', async () => {
    const email = devEmail(db, () => AT);
    expect(email.channel).toBe('dev');
    const pdf = Buffer.alloc(12_345, 1);
    const sent = await email.send({
      to: 'budi@pelanggan.example',
      subject: 'Tagihan INV-2026-0042',
      text: 'Yth. Budi Santoso,\nTransfer TEPAT Rp 1.250.000',
      attachments: [{ filename: 'tagihan-INV-2026-0042.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const plain = await email.send({ to: 'siti@pelanggan.example', subject: 'Pengingat', text: 'x' });
    expect(sent.providerMessageId).toMatch(/^dev\.email\./);
    expect(plain.providerMessageId).not.toBe(sent.providerMessageId);

    const [first, second] = await rows();
    expect({ ...first, attachment_bytes: Number(first!.attachment_bytes), recorded_at: Number(first!.recorded_at) }).toEqual({
      provider_message_id: sent.providerMessageId,
      channel: 'email',
      recipient: 'budi@pelanggan.example',
      subject: 'Tagihan INV-2026-0042',
      body: 'Yth. Budi Santoso,\nTransfer TEPAT Rp 1.250.000',
      attachment_name: 'tagihan-INV-2026-0042.pdf',
      attachment_bytes: 12_345,
      recorded_at: AT,
    });
    expect(second).toMatchObject({ provider_message_id: plain.providerMessageId, attachment_name: null, attachment_bytes: null });
  });

  it('keeps an SMS with its number and text', async () => {
    const sms = devSms(db, () => AT + 1);
    expect(sms.channel).toBe('dev');
    const body = 'PT Maju Jaya: Tagihan INV-2026-0042 a.n. Budi Santoso. Transfer tepat Rp 1.250.000 ke VA 8808 1001 0000 0427 paling lambat 21/11/2026.';
    const sent = await sms.send('+6281234567890', body);
    expect(sent.providerMessageId).toMatch(/^dev\.sms\./);
    const [row] = await rows();
    expect({ ...row, recorded_at: Number(row!.recorded_at) }).toEqual({
      provider_message_id: sent.providerMessageId,
      channel: 'sms',
      recipient: '+6281234567890',
      subject: null,
      body,
      attachment_name: null,
      attachment_bytes: null,
      recorded_at: AT + 1,
    });
  });
});
