import type { FastifyInstance } from 'fastify';
import type { HeadofficeContext } from '../context';
import { devEmail, devRecorder, devSms } from '../messaging/dev';
import { emailConfigFromEnv, smtpSender, type EmailSender } from '../messaging/email';
import type { MessageSender } from '../messaging/sender';
import { httpSmsGateway, smsConfigFromEnv, type SmsSender } from '../messaging/sms';
import { whatsAppConfigFromEnv, whatsAppSender } from '../messaging/whatsapp';
import { invoiceCallback } from './callback';
import { startInvoiceNotifier, type InvoiceNotifier } from './notifier';

export interface InvoiceOptions {
  /** The bank's callback secret (SERAMBI_HO_CALLBACK_SECRET); without it the callback answers 503. */
  callbackSecret?: string | null;
  /** Providers; each defaults to its SERAMBI_* setting, else the development recorder. */
  email?: EmailSender;
  whatsapp?: MessageSender;
  sms?: SmsSender;
  /** Who bills, as customers read it (SERAMBI_HO_ISSUER); default "Serambi". */
  issuer?: string;
  env?: Record<string, string | undefined>;
  /** How often the notifier looks for queued messages besides being kicked; 0 never. Default 5 s. */
  pollMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The invoice notifier; `kick()` runs it now (tests, and after every push). */
    invoiceNotifier: InvoiceNotifier;
  }
}

/**
 * Invoice batches at head office: the bank's signed VA callback and the notifier that sends notices,
 * reminders and cancellations by email, WhatsApp and SMS. Called once by buildHeadoffice.
 */
export async function startInvoices(app: FastifyInstance, ctx: HeadofficeContext, options: InvoiceOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const mail = emailConfigFromEnv(env);
  const whatsApp = whatsAppConfigFromEnv(env);
  const sms = smsConfigFromEnv(env);
  const channels = {
    email: options.email ?? (mail ? smtpSender(mail) : devEmail(ctx.db, ctx.clock)),
    whatsapp: options.whatsapp ?? (whatsApp ? whatsAppSender(whatsApp) : devRecorder(ctx.db, ctx.clock)),
    sms: options.sms ?? (sms ? httpSmsGateway(sms) : devSms(ctx.db, ctx.clock)),
  };
  for (const [name, sender] of Object.entries(channels)) {
    if (sender.channel === 'dev') app.log.warn(`invoice ${name} messages are recorded, not sent: configure the ${name} provider to send them`);
  }
  const notifier = startInvoiceNotifier({
    db: ctx.db,
    clock: ctx.clock,
    channels,
    issuer: options.issuer ?? env.SERAMBI_HO_ISSUER?.trim() ?? 'Serambi',
    pollMs: options.pollMs ?? 5_000,
    log: (error) => app.log.error(error),
  });
  app.decorate('invoiceNotifier', notifier);
  app.addHook('preClose', async () => notifier.dispose());
  // A push may carry a send request or an archive: send now rather than at the next poll.
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.url === '/sync/push' && reply.statusCode === 200) void notifier.kick();
  });
  const secret = options.callbackSecret === undefined ? env.SERAMBI_HO_CALLBACK_SECRET?.trim() || null : options.callbackSecret;
  await app.register(invoiceCallback, { ctx, secret });
}
