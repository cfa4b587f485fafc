import { join } from 'node:path';
import { buildHeadoffice, parseTrustProxy } from '../../../headoffice/app';
import { rotateAdminToken } from '../../../headoffice/admin/token';
import { sha256 } from '../../../headoffice/crypto';
import { openHoDatabase, parseDatabaseUrl } from '../../../headoffice/db/database';
import { createEnrollCode, devicesStatus } from '../../../headoffice/devices/devices';
import { branchCode } from '../../../shared/api/schemas';
import type { Command } from '../main';
import { defaultDataDir, UsageError, type Io } from '../context';

export const HEADOFFICE_PORT = 5180;

/** --db, else DATABASE_URL, else a SQLite file in the head-office data folder. */
function databaseUrl(values: Record<string, unknown>, io: Io): string {
  const given = (values.db as string | undefined) ?? io.env.DATABASE_URL;
  if (given) return given;
  return `sqlite:${join((values.data as string | undefined) ?? join(defaultDataDir(io.env), 'headoffice'), 'headoffice.sqlite')}`;
}

const dbOptions = { db: { type: 'string' } } as const;

export const headofficeCommand: Command = {
  words: ['headoffice'],
  usage: 'headoffice [--port N] [--host ADDRESS] [--db postgres://…|sqlite:PATH|PATH] [--updates DIR]   the head-office server (default port 5180)',
  options: { ...dbOptions, port: { type: 'string' }, host: { type: 'string' }, updates: { type: 'string' } },
  async run({ values, io }) {
    const port = values.port === undefined ? HEADOFFICE_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
    const url = databaseUrl(values, io);
    const updatesDir = (values.updates as string | undefined) ?? join((values.data as string | undefined) ?? join(defaultDataDir(io.env), 'headoffice'), 'updates');
    const { app, ctx } = await buildHeadoffice({ databaseUrl: url, adminToken: io.env.SERAMBI_HO_ADMIN_TOKEN ?? null,
      logger: true,
      updatesDir,
      trustProxy: parseTrustProxy(io.env.SERAMBI_HO_TRUST_PROXY),
      feedSecret: io.env.SERAMBI_HO_FEED_SECRET ?? null,
      invoices: { env: io.env },
    });
    if (!ctx.adminTokenHash) {
      const token = await rotateAdminToken(ctx.db);
      ctx.adminTokenHash = sha256(token);
      io.out(`Token admin kantor pusat (simpan; hanya ditampilkan sekali): ${token}`);
    }
    const address = await app.listen({ port, host: (values.host as string | undefined) ?? '127.0.0.1' });
    io.out(`Kantor pusat berjalan di ${address} (${parseDatabaseUrl(url).dialect}, epoch ${ctx.epoch})`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await app.close();
    return 0;
  },
};

export const enrollCodeCommand: Command = {
  words: ['headoffice', 'enroll-code'],
  usage: 'headoffice enroll-code --branch CODE [--db URL] [--json]   a one-time code to enroll a desk of that branch',
  options: { ...dbOptions, branch: { type: 'string' } },
  async run({ values, io }) {
    const parsed = branchCode.safeParse(values.branch ?? '');
    if (!parsed.success) throw new UsageError('--branch CODE is required: 2-10 letters or digits');
    const db = await openHoDatabase(parseDatabaseUrl(databaseUrl(values, io)));
    try {
      const code = await createEnrollCode(db, parsed.data, Date.now());
      if (values.json) io.out(JSON.stringify({ code }));
      else {
        io.out(`Kode pendaftaran untuk cabang ${parsed.data} (sekali pakai, berlaku 24 jam):`);
        io.out(code);
      }
      return 0;
    } finally {
      await db.close();
    }
  },
};

export const headofficeStatusCommand: Command = {
  words: ['headoffice', 'status'],
  usage: 'headoffice status [--db URL] [--json]   every device: branch, high-water mark, events, last contact',
  options: dbOptions,
  async run({ values, io }) {
    const db = await openHoDatabase(parseDatabaseUrl(databaseUrl(values, io)));
    try {
      const devices = (await devicesStatus(db)).map((d) => ({
        device: d.device,
        branch: d.branch,
        highWaterMark: d.highWaterMark,
        events: d.events,
        lastSeenAt: d.lastSeenAt,
        revoked: d.revokedAt !== null,
      }));
      if (values.json) io.out(JSON.stringify({ devices }));
      else if (devices.length === 0) io.out('Belum ada perangkat terdaftar.');
      else for (const d of devices) io.out(`${d.branch}  ${d.device}  mark ${d.highWaterMark}  events ${d.events}  ${d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : '-'}${d.revoked ? '  (dicabut)' : ''}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
