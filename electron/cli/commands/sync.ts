import type { Command } from '../main';
import { defaultDataDir, openCliSession, UsageError } from '../context';

export const enrollCommand: Command = {
  words: ['enroll'],
  usage: 'enroll --headoffice URL --code CODE   join this desk to head office (before setup, or as an admin)',
  options: { headoffice: { type: 'string' }, code: { type: 'string' } },
  async run({ values, io }) {
    if (!values.headoffice) throw new UsageError('--headoffice URL is required');
    if (!values.code) throw new UsageError('--code CODE is required');
    const session = await openCliSession((values.data as string | undefined) ?? defaultDataDir(io.env), io.env);
    try {
      if (io.env.SERAMBI_USER) await session.authenticate();
      const { branchCode } = await session.call('sync.enroll', { headofficeUrl: String(values.headoffice), code: String(values.code) });
      const round = await session.core.sync.syncOnce().catch(() => null);
      if (values.json) io.out(JSON.stringify({ branch: branchCode, deviceId: session.core.deviceId, synced: round !== null }));
      else io.out(`Perangkat ${session.core.deviceId} terdaftar di cabang ${branchCode}${round ? '; sinkronisasi pertama selesai' : ''}.`);
      return 0;
    } finally {
      await session.close();
    }
  },
};

export const syncCommand: Command = {
  words: ['sync'],
  usage: 'sync [--json]   one push/pull round with head office: {pushed, pulled, pending}',
  options: {},
  async run({ values, io }) {
    const session = await openCliSession((values.data as string | undefined) ?? defaultDataDir(io.env), io.env);
    try {
      await session.authenticate();
      const round = await session.call('sync.now', {});
      if (values.json) io.out(JSON.stringify(round));
      else io.out(`Terkirim ${round.pushed}, diterima ${round.pulled}, menunggu ${round.pending}.`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
