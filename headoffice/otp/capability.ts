import type { FastifyInstance } from 'fastify';
import type { HeadofficeContext } from '../context';
import { messagesAdmin } from '../messaging/admin';
import { devRecorder } from '../messaging/dev';
import type { MessageSender } from '../messaging/sender';
import { whatsAppWebhook, type StatusUpdate } from '../messaging/webhook';
import { whatsAppConfigFromEnv, whatsAppSender } from '../messaging/whatsapp';
import { customerRoutes } from './customer-routes';
import { applyDeliveryStatus } from './delivery';
import { otpDeskRoutes } from './desk-routes';
import { loadOtpKey } from './keys';
import { startOtpSender, type OtpSender } from './sender';

export interface OtpOptions {
  /** The provider. Default: the WhatsApp Cloud API when SERAMBI_WA_TOKEN and SERAMBI_WA_PHONE_ID are set, else the development recorder. */
  messenger?: MessageSender;
  /** Where customers reach head office, for the link (SERAMBI_HO_PUBLIC_URL); default: the address it listens on. */
  publicUrl?: string;
  /** Where the SERAMBI_* settings are read; process.env by default, tests pass their own. */
  env?: Record<string, string | undefined>;
  /** How often the sender looks for queued sends besides being kicked; 0 never. Default 2 s. */
  pollMs?: number;
  /** Delivery statuses of messages that are not OTP's own (invoice notices), from the same webhook. */
  onOtherStatus?: (update: StatusUpdate) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The OTP sender loop; `kick()` runs it now (tests, and after every push). */
    otpSender: OtpSender;
  }
}

function listeningUrl(app: FastifyInstance): string {
  const address = app.addresses()[0];
  if (!address || typeof address === 'string') return 'http://127.0.0.1:5180';
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

/**
 * Account-opening consent by OTP at head office: the sender loop, the desks' resend and validate,
 * the customer's page, WhatsApp's delivery webhook and the list of sent messages for head office
 * IT. Called once by buildHeadoffice, before the sync routes, so its hook sees every push.
 */
export async function startOtp(app: FastifyInstance, ctx: HeadofficeContext, options: OtpOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const key = await loadOtpKey(ctx.db, env);
  const whatsApp = whatsAppConfigFromEnv(env);
  const messenger = options.messenger ?? (whatsApp ? whatsAppSender(whatsApp) : devRecorder(ctx.db, ctx.clock));
  if (messenger.channel === 'dev') app.log.warn('OTP messages are recorded, not sent: set SERAMBI_WA_TOKEN and SERAMBI_WA_PHONE_ID to send them over WhatsApp');
  const publicUrl = () => (options.publicUrl ?? env.SERAMBI_HO_PUBLIC_URL ?? listeningUrl(app)).replace(/\/+$/, '');

  const sender = startOtpSender({
    db: ctx.db,
    clock: ctx.clock,
    key,
    messenger,
    customerUrl: (token) => `${publicUrl()}/customer?p=${token}`,
    pollMs: options.pollMs ?? 2_000,
    log: (error) => app.log.error(error),
  });
  app.decorate('otpSender', sender);
  // Before onClose, where the database closes: the loop finishes its run first.
  app.addHook('preClose', async () => sender.dispose());
  // A push may carry a Kacab's approval: send its code now rather than at the next poll.
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.url === '/sync/push' && reply.statusCode === 200) void sender.kick();
  });

  await app.register(otpDeskRoutes, { ctx, key, sender });
  // The customer's token is in these addresses (`?p=`): the per-request info logs, which print the
  // URL, are off for them, so tokens never reach head office's logs. Warnings and errors remain.
  await app.register(customerRoutes, { ctx, key, logLevel: 'warn' });
  await app.register(whatsAppWebhook, {
    appSecret: env.SERAMBI_WA_APP_SECRET?.trim() || null,
    verifyToken: env.SERAMBI_WA_VERIFY_TOKEN?.trim() || null,
    onStatus: async (update) => {
      await applyDeliveryStatus(ctx.db, ctx.clock, update);
      await options.onOtherStatus?.(update);
    },
  });
  await app.register(messagesAdmin, { ctx });
}
