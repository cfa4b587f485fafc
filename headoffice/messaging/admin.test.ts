import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedApplicationEvents, lastOtpSentTo, startOtpHeadoffice, testApplication } from '../otp/testing';
import { ADMIN_TOKEN, DIALECTS } from '../testing';

describe('the messages page for head office IT', () => {
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  beforeEach(async () => {
    ho = await startOtpHeadoffice('sqlite');
  });
  afterEach(() => ho.close());

  it('lists what the development recorder sent, code and link, to the admin only', async () => {
    const desk = await ho.enroll('JKT01');
    const a = testApplication();
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();
    const sent = (await lastOtpSentTo(ho.ctx.db, a.phone1))!;

    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/messages' })).statusCode).toBe(401);
    const list = await ho.app.inject({ method: 'GET', url: '/admin/api/messages', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const messages = list.json().messages as { to: string; kind: string; body: string; status: string; channel: string }[];
    expect(messages.map((m) => [m.kind, m.to, m.channel, m.status])).toEqual([
      ['otp-code', '+6281234567890', 'dev', 'sent'],
      ['otp-link', '+6281234567890', 'dev', 'sent'],
    ]);
    expect(messages[0]!.body).toBe(sent.code);
    expect(messages[1]!.body).toContain(sent.link);

    const page = await ho.app.inject({ method: 'GET', url: '/admin/messages' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect((await ho.app.inject({ method: 'GET', url: '/admin/messages.js' })).headers['content-type']).toContain('javascript');
    // The admin page itself still answers, next to it.
    expect((await ho.app.inject({ method: 'GET', url: '/admin/admin.js' })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('the invoice messages on the messages page, on %s', (dialect) => {
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  beforeEach(async () => {
    ho = await startOtpHeadoffice(dialect);
  });
  afterEach(() => ho.close());

  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const list = async (query = '') => {
    const response = await ho.app.inject({ method: 'GET', url: `/admin/api/invoice-messages${query}`, headers: admin });
    expect(response.statusCode).toBe(200);
    return (response.json() as { messages: Record<string, unknown>[] }).messages;
  };

  it('lists every invoice message with its invoice and what the recorder kept, newest first, to the admin only', async () => {
    // Above 2^31, so PostgreSQL's BIGINT comes back as a string and must still be a number.
    const amount = 12_500_000_000;
    const message = `INSERT INTO ho_inv_messages (id, invoice_id, branch_code, channel, kind, reminder, recipient, status, provider_message_id, failure, requested_by, created_at, updated_at)
      VALUES (?, 'inv-1', 'JKT01', ?, ?, ?, ?, ?, ?, ?, 'andi', ?, ?)`;
    await ho.ctx.db.write(async (sql) => {
      await sql(
        `INSERT INTO ho_invoices (id, batch_id, branch_code, module, number, customer_name, email, phone, amount, due_date, description, fields, va, status, created_at)
         VALUES ('inv-1', 'batch-1', 'JKT01', 'einvoice', 'INV-2026-0001', 'Budi Santoso', 'budi@example.co.id', '+6281234567890', ?, '2026-12-31', NULL, '{}', '8808000000000001', 'sent', 1000)`,
        [amount],
      );
      await sql(message, ['msg-email', 'email', 'notice', null, 'budi@example.co.id', 'sent', 'dev.email.1', null, 1000, 1100]);
      await sql(message, ['msg-wa', 'whatsapp', 'reminder', 'H-3', '+6281234567890', 'failed', null, 'WhatsApp: number not registered', 2000, 2100]);
      await sql(message, ['msg-wa-sent', 'whatsapp', 'notice', null, '+6281234567890', 'sent', 'dev.wa.1', null, 1500, 1600]);
      await sql(
        `INSERT INTO ho_dev_notices (provider_message_id, channel, recipient, subject, body, attachment_name, attachment_bytes, recorded_at)
         VALUES ('dev.email.1', 'email', 'budi@example.co.id', 'Tagihan INV-2026-0001', 'Yth. Budi Santoso, tagihan Anda...', 'INV-2026-0001.pdf', 2048, 1100)`,
      );
      await sql(`INSERT INTO ho_dev_messages (provider_message_id, recipient, kind, body, recorded_at) VALUES ('dev.wa.1', '+6281234567890', 'text', 'Tagihan INV-2026-0001', 1600)`);
      // WhatsApp said since that the customer read it
      await sql(`UPDATE ho_inv_messages SET delivery = 'read' WHERE id = 'msg-wa-sent'`);
    });

    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/invoice-messages' })).statusCode).toBe(401);
    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/invoice-messages', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);

    const invoice = { branch: 'JKT01', invoiceNumber: 'INV-2026-0001', customer: 'Budi Santoso', va: '8808000000000001', amount };
    expect(await list()).toEqual([
      {
        id: 'msg-wa',
        ...invoice,
        channel: 'whatsapp',
        kind: 'reminder',
        reminder: 'H-3',
        recipient: '+6281234567890',
        status: 'failed',
        providerMessageId: null,
        delivery: null,
        failure: 'WhatsApp: number not registered',
        createdAt: 2000,
        updatedAt: 2100,
        subject: null,
        body: null,
        attachmentName: null,
      },
      {
        id: 'msg-wa-sent',
        ...invoice,
        channel: 'whatsapp',
        kind: 'notice',
        reminder: null,
        recipient: '+6281234567890',
        status: 'sent',
        providerMessageId: 'dev.wa.1',
        delivery: 'read',
        failure: null,
        createdAt: 1500,
        updatedAt: 1600,
        subject: null,
        body: 'Tagihan INV-2026-0001',
        attachmentName: null,
      },
      {
        id: 'msg-email',
        ...invoice,
        channel: 'email',
        kind: 'notice',
        reminder: null,
        recipient: 'budi@example.co.id',
        status: 'sent',
        providerMessageId: 'dev.email.1',
        delivery: null,
        failure: null,
        createdAt: 1000,
        updatedAt: 1100,
        subject: 'Tagihan INV-2026-0001',
        body: 'Yth. Budi Santoso, tagihan Anda...',
        attachmentName: 'INV-2026-0001.pdf',
      },
    ]);

    expect((await list('?status=failed')).map((m) => [m.id, m.failure])).toEqual([['msg-wa', 'WhatsApp: number not registered']]);
    expect((await list('?status=sent')).map((m) => m.id)).toEqual(['msg-wa-sent', 'msg-email']);
    expect(await list('?status=queued')).toEqual([]);
    expect((await list('?status=sent&limit=1')).map((m) => m.id)).toEqual(['msg-wa-sent']);
    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/invoice-messages?status=delivered', headers: admin })).statusCode).toBe(400);

    const page = await ho.app.inject({ method: 'GET', url: '/admin/messages' });
    expect(page.body).toContain('Pesan tagihan');
    expect(page.body).toContain('id="invoice-status"');
  });
});
