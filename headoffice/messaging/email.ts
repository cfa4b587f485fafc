import nodemailer from 'nodemailer';
import { MessagingFailure } from './sender';

// Invoice notices by email (seed 004: "pemberitahuan invoice ke customer ... lewat email"), through
// the bank's own SMTP relay. Nodemailer speaks SMTP: STARTTLS when the relay offers it on smtp://,
// TLS from the first byte on smtps://.

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
}

export interface EmailSender {
  readonly channel: 'email' | 'dev';
  send(message: EmailMessage): Promise<{ providerMessageId: string }>;
}

export interface EmailConfig {
  /** `smtp://user:pass@host:port` or `smtps://…` */
  url: string;
  /** the From header, e.g. `Tagihan Serambi <tagihan@bank.co.id>` */
  from: string;
}

/** The URL without its password, for messages that may end up in a log. */
function redacted(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** Why `url` cannot reach an SMTP relay, or null. */
export function smtpUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a URL: ${redacted(url)}`;
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') return `must start with smtp:// or smtps://, got ${parsed.protocol}//`;
  if (!parsed.hostname) return 'names no host';
  return null;
}

/**
 * Email when SERAMBI_HO_SMTP_URL is set, null otherwise (the development recorder then stands in).
 * A URL that cannot work, or a relay without SERAMBI_HO_MAIL_FROM, is refused at start-up: better
 * than every notice failing later.
 */
export function emailConfigFromEnv(env: Record<string, string | undefined>): EmailConfig | null {
  const url = env.SERAMBI_HO_SMTP_URL?.trim();
  if (!url) return null;
  const problem = smtpUrlProblem(url);
  if (problem) throw new Error(`SERAMBI_HO_SMTP_URL ${problem}`);
  const from = env.SERAMBI_HO_MAIL_FROM?.trim();
  if (!from) throw new Error('SERAMBI_HO_MAIL_FROM is required with SERAMBI_HO_SMTP_URL (the sender address customers see)');
  return { url, from };
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** The relay's own words when it answered ("SMTP 550 5.1.1 mailbox unavailable"), else what the socket said. */
function reasonOf(error: SmtpError): string {
  if (error.responseCode && error.response) return `SMTP ${error.response.replace(/\s+/g, ' ').trim()}`.slice(0, 500);
  const text = `${error.code ?? ''} ${error.message}`;
  if (/ECONNREFUSED/.test(text)) return 'connection refused';
  if (/ETIMEDOUT|timeout/i.test(text)) return 'connection timed out';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'host not found';
  if (error.code === 'EAUTH') return `authentication failed: ${error.message}`.slice(0, 500);
  return `${error.code ? `${error.code}: ` : ''}${error.message}`.slice(0, 500);
}

export interface SmtpSenderOptions extends EmailConfig {
  /** connect, greeting and each reply; a relay that hangs fails the send rather than the queue */
  timeoutMs?: number;
}

export function smtpSender(options: SmtpSenderOptions): EmailSender {
  const problem = smtpUrlProblem(options.url);
  if (problem) throw new Error(`SMTP URL ${problem}`);
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 3 * timeout,
  });
  return {
    channel: 'email',
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw new MessagingFailure(`email ${reasonOf(error as SmtpError)}`);
      }
    },
  };
}
