import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { adminPage, adminRoutes } from './admin/routes';
import { complaintsAdmin } from './complaints/routes';
import type { HeadofficeContext } from './context';
import { sha256 } from './crypto';
import { storedAdminTokenHash } from './admin/token';
import { openHoDatabase, parseDatabaseUrl } from './db/database';
import { ensureEpoch, SyncFailure } from './devices/devices';
import { startInvoices, type InvoiceOptions } from './invoices/capability';
import { applyInvoiceDelivery } from './invoices/delivery';
import type { StatusUpdate } from './messaging/webhook';
import { kbAdmin } from './kb/routes';
import { startOtp, type OtpOptions } from './otp/capability';
import { mutationFeed } from './payments/routes';
import { sendSyncFailure, syncRoutes } from './sync/routes';
import { useZodSchemas } from './zod-schemas';

export interface HeadofficeOptions {
  /** `postgres://…`, `sqlite:PATH` or a bare SQLite path. */
  databaseUrl: string;
  clock?: () => number;
  /** The admin token; when absent, the stored one (made and shown once at first start). */
  adminToken?: string | null;
  /** pino logging: true in production, false in tests. */
  logger?: boolean;
  passwordCost?: number;
  /** A folder of desktop-app updates (electron-builder's latest.yml and installers), served at /updates/. */
  updatesDir?: string;
  /**
   * Behind a reverse proxy, which hops to trust for the client's address (Fastify's trustProxy:
   * true, a hop count, or addresses). The customer page's per-IP limit needs the real address.
   */
  trustProxy?: boolean | number | string;
  /** OTP consent: message provider, public address of the customer page, sender loop (otp/capability.ts). */
  otp?: OtpOptions;
  /** The bank feed's signing secret (SERAMBI_HO_FEED_SECRET); without it the feed webhook answers 503. */
  feedSecret?: string | null;
  /** Invoice batches: the bank's VA callback secret, message providers, the notifier loop (invoices/capability.ts). */
  invoices?: InvoiceOptions;
}

/** SERAMBI_HO_TRUST_PROXY: `true`, a hop count, or the proxies' addresses (comma-separated); unset trusts none. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** Builds head office without listening, so tests use `app.inject()` and the CLI `listen()`. */
export async function buildHeadoffice(options: HeadofficeOptions): Promise<{ app: FastifyInstance; ctx: HeadofficeContext }> {
  const db = await openHoDatabase(parseDatabaseUrl(options.databaseUrl));
  const ctx: HeadofficeContext = {
    db,
    epoch: await ensureEpoch(db),
    clock: options.clock ?? Date.now,
    adminTokenHash: options.adminToken ? sha256(options.adminToken) : await storedAdminTokenHash(db),
    ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
  };
  const hops = options.trustProxy;
  const serverOptions: FastifyHttpOptions<Server> = {
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024 * 1024,
    // A hop count trusts that many proxies nearest to head office.
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : (hops ?? false),
  };
  const app = Fastify(serverOptions);
  useZodSchemas(app);
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SyncFailure) return sendSyncFailure(error, reply);
    if ((error as { validation?: unknown }).validation || (error as { statusCode?: number }).statusCode === 400) {
      return reply.code(400).send({ error: { code: 'bad_request', message: (error as Error).message } });
    }
    reply.log.error(error);
    return reply.code(500).send({ error: { code: 'internal' } });
  });
  app.addHook('onClose', () => db.close());
  app.get('/health', async () => ({ ok: true, epoch: ctx.epoch }));
  // one WhatsApp webhook tells of OTP messages and invoice notices alike
  const onOtherStatus = async (update: StatusUpdate) => {
    if (await applyInvoiceDelivery(ctx.db, ctx.clock, update)) void app.invoiceNotifier.kick();
  };
  await startOtp(app, ctx, { ...options.otp, onOtherStatus });
  await startInvoices(app, ctx, options.invoices);
  await app.register(syncRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(complaintsAdmin, { ctx });
  await app.register(kbAdmin, { ctx });
  await app.register(mutationFeed, { ctx, secret: options.feedSecret ?? null });
  await app.register(adminPage);
  if (options.updatesDir && existsSync(options.updatesDir)) {
    // The desks' updater reads latest.yml here; installers are signed by the release process.
    await app.register(fastifyStatic, { root: options.updatesDir, prefix: '/updates/', decorateReply: false });
  }
  return { app, ctx };
}
