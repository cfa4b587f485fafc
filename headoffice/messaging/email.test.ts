import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailConfigFromEnv, smtpSender } from './email';
import { MessagingFailure } from './sender';

const USER = 'serambi';
const PASSWORD = 'rahasia-relay-0123';
const REFUSED = 'tidak-ada@pelanggan.example';

interface Received {
  from: string | undefined;
  to: string[];
  raw: Buffer;
}

/** A real SMTP relay on loopback: it checks the login, refuses one mailbox with 550 and keeps the rest. */
function relay() {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    // loopback only: no TLS to offer, so the login goes in the clear, as it may here and nowhere else
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  return { server, received };
}

describe('email configuration', () => {
  it('is off without an SMTP URL', () => {
    expect(emailConfigFromEnv({})).toBeNull();
    expect(emailConfigFromEnv({ SERAMBI_HO_SMTP_URL: '  ', SERAMBI_HO_MAIL_FROM: 'a@b.c' })).toBeNull();
  });

  it('reads the relay and the sender address', () => {
    expect(emailConfigFromEnv({ SERAMBI_HO_SMTP_URL: 'smtps://u:p@mail.bank.co.id:465', SERAMBI_HO_MAIL_FROM: 'Tagihan <tagihan@bank.co.id>' })).toEqual({
      url: 'smtps://u:p@mail.bank.co.id:465',
      from: 'Tagihan <tagihan@bank.co.id>',
    });
  });

  it('refuses a URL that cannot work, without printing its password', () => {
    expect(() => emailConfigFromEnv({ SERAMBI_HO_SMTP_URL: 'https://mail.bank.co.id', SERAMBI_HO_MAIL_FROM: 'a@b.c' })).toThrow(/SERAMBI_HO_SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(() => emailConfigFromEnv({ SERAMBI_HO_SMTP_URL: 'mail.bank.co.id:25', SERAMBI_HO_MAIL_FROM: 'a@b.c' })).toThrow(/SERAMBI_HO_SMTP_URL/);
    let message = '';
    try {
      emailConfigFromEnv({ SERAMBI_HO_SMTP_URL: 'smtp://user:s3cret@bad host', SERAMBI_HO_MAIL_FROM: 'a@b.c' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not a URL/);
    expect(message).not.toContain('s3cret');
  });

  it('wants a sender address with a relay', () => {
    expect(() => emailConfigFromEnv({ SERAMBI_HO_SMTP_URL: 'smtp://mail.bank.co.id' })).toThrow(/SERAMBI_HO_MAIL_FROM/);
  });
});

describe('sending through a real SMTP relay on loopback', () => {
  const { server, received } = relay();
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sender = () => smtpSender({ url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`, from: 'Tagihan PT Maju Jaya <tagihan@majujaya.example>' });

  it('delivers the notice with its PDF, byte for byte', async () => {
    // random bytes, not a real PDF: any byte lost or re-encoded on the way shows
    const pdf = Buffer.concat([Buffer.from('%PDF-1.3\n'), randomBytes(40_000)]);
    const text = 'Yth. Budi Santoso,\n\nTransfer TEPAT Rp 1.250.000 ke Virtual Account 8808 1001 0000 0427.\n';
    const result = await sender().send({
      to: 'budi@pelanggan.example',
      subject: 'Tagihan INV-2026-0042 dari PT Maju Jaya: Rp 1.250.000, jatuh tempo 21/11/2026',
      text,
      attachments: [{ filename: 'tagihan-INV-2026-0042.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(result.providerMessageId).toMatch(/^<.+@.+>$/);

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('tagihan@majujaya.example');
    expect(mail!.to).toEqual(['budi@pelanggan.example']);
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.messageId).toBe(result.providerMessageId);
    expect(parsed.subject).toBe('Tagihan INV-2026-0042 dari PT Maju Jaya: Rp 1.250.000, jatuh tempo 21/11/2026');
    expect(parsed.text).toBe(text);
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment!.filename).toBe('tagihan-INV-2026-0042.pdf');
    expect(attachment!.contentType).toBe('application/pdf');
    expect(attachment!.content.equals(pdf)).toBe(true);
  });

  it('reports a refused recipient in the relay own words', async () => {
    const sent = sender().send({ to: REFUSED, subject: 'Tagihan', text: 'x' });
    await expect(sent).rejects.toBeInstanceOf(MessagingFailure);
    await expect(sent).rejects.toThrow(/^email SMTP 550 5\.1\.1 mailbox unavailable/);
  });

  it('reports a refused login', async () => {
    const wrong = smtpSender({ url: `smtp://${USER}:salah@127.0.0.1:${port}`, from: 'tagihan@majujaya.example' });
    const sent = wrong.send({ to: 'budi@pelanggan.example', subject: 'Tagihan', text: 'x' });
    await expect(sent).rejects.toBeInstanceOf(MessagingFailure);
    await expect(sent).rejects.toThrow(/SMTP 535/);
  });
});

describe('a relay that is not there', () => {
  it('fails with "connection refused"', async () => {
    // a port that was free a moment ago: nothing listens on it now
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const sent = smtpSender({ url: `smtp://127.0.0.1:${port}`, from: 'tagihan@majujaya.example' }).send({ to: 'budi@pelanggan.example', subject: 'Tagihan', text: 'x' });
    await expect(sent).rejects.toBeInstanceOf(MessagingFailure);
    await expect(sent).rejects.toThrow('email connection refused');
  });

  it('fails with a timeout when the relay never greets', async () => {
    // accepts the connection and says nothing, as a relay behind a broken firewall does
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const sent = smtpSender({ url: `smtp://127.0.0.1:${port}`, from: 'tagihan@majujaya.example', timeoutMs: 300 }).send({ to: 'budi@pelanggan.example', subject: 'Tagihan', text: 'x' });
      await expect(sent).rejects.toThrow('email connection timed out');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
