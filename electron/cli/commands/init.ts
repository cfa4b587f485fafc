import { parseZone } from '../../../shared/domain/time';
import type { Command } from '../main';
import { defaultDataDir, openCliSession, UsageError } from '../context';

export const initCommand: Command = {
  words: ['init'],
  usage: 'init --branch CODE --admin USER [--name "Branch name"] [--admin-name "Full name"] [--tz WIB|WITA|WIT]   (password from SERAMBI_PASSWORD)',
  options: {
    branch: { type: 'string' },
    admin: { type: 'string' },
    name: { type: 'string' },
    'admin-name': { type: 'string' },
    tz: { type: 'string' },
  },
  async run({ values, io }) {
    const code = values.branch as string | undefined;
    const admin = values.admin as string | undefined;
    if (!code) throw new UsageError('--branch CODE is required');
    if (!admin) throw new UsageError('--admin USER is required');
    const password = io.env.SERAMBI_PASSWORD;
    if (!password) throw new UsageError('SERAMBI_PASSWORD must hold the admin password');
    const timeZone = values.tz === undefined ? 'WIB' : parseZone(String(values.tz));
    if (!timeZone) throw new UsageError('--tz must be WIB, WITA or WIT');
    const dataDir = (values.data as string | undefined) ?? defaultDataDir(io.env);
    const session = await openCliSession(dataDir, io.env);
    try {
      const result = await session.call('setup.init', {
        branch: { code, name: (values.name as string | undefined) ?? code, timeZone },
        admin: { username: admin, displayName: (values['admin-name'] as string | undefined) ?? admin, password },
      });
      if (values.json) io.out(JSON.stringify({ branch: result.branch, admin: result.admin, deviceId: session.core.deviceId, data: dataDir }));
      else io.out(`Cabang ${result.branch.code} (${result.branch.name}, ${result.branch.timeZone}) siap; admin: ${result.admin.username}. Data: ${dataDir}`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
