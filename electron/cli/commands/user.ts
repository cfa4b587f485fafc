import { parseRole, type Role } from '../../../shared/domain/roles';
import type { Command } from '../main';
import { defaultDataDir, openCliSession, UsageError } from '../context';

export const userAddCommand: Command = {
  words: ['user', 'add'],
  usage: 'user add USER --role ROLE[,ROLE…] [--name "Full name"]   (password from SERAMBI_NEW_PASSWORD; roles: cs, teller, ao, kasie, kacab, cs-manager, back-office, admin)',
  options: { role: { type: 'string' }, name: { type: 'string' } },
  async run({ values, positionals, io }) {
    const username = positionals[0];
    if (!username || positionals.length > 1) throw new UsageError('give exactly one USER');
    if (!values.role) throw new UsageError('--role ROLE[,ROLE…] is required');
    const roles: Role[] = [];
    for (const text of String(values.role).split(',')) {
      const role = parseRole(text);
      if (!role) throw new UsageError(`unknown role "${text.trim()}" (cs, teller, ao, kasie, kacab, cs-manager, back-office, admin)`);
      roles.push(role);
    }
    const password = io.env.SERAMBI_NEW_PASSWORD;
    if (!password) throw new UsageError('SERAMBI_NEW_PASSWORD must hold the new user\'s password');
    const session = await openCliSession((values.data as string | undefined) ?? defaultDataDir(io.env), io.env);
    try {
      await session.authenticate();
      const user = await session.call('users.create', {
        username,
        displayName: (values.name as string | undefined) ?? username,
        roles,
        password,
      });
      if (values.json) io.out(JSON.stringify(user));
      else io.out(`Pengguna ${user.username} dibuat dengan peran ${user.roles.join(', ')}.`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
