// `npm run demo`: a head office (SQLite) and an enrolled branch on loopback with sample data,
// so a person can try every desk in a browser. Data lives in .serambi-demo/ (ignored by git) and
// is made fresh at each start.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildHeadoffice } from '../../headoffice/app';
import { createEnrollCode } from '../../headoffice/devices/devices';
import type { Role } from '../../shared/domain/roles';
import { createCore } from '../core/core';
import { startServe } from '../serve/start';
import { ensureRendererBuilt } from './commands/build';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, '.serambi-demo');
const PASSWORD = 'serambi-demo-1';
const HO_ADMIN_TOKEN = 'serambi-demo-admin-token';
const BRANCH = { code: 'JKT01', name: 'Cabang Jakarta Sudirman', timeZone: 'WIB' as const };

const STAFF: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'siti', displayName: 'Siti Aminah', roles: ['cs'] },
  { username: 'budi', displayName: 'Budi Santoso', roles: ['teller'] },
  { username: 'andi', displayName: 'Andi Wijaya', roles: ['ao'] },
  { username: 'dewi', displayName: 'Dewi Lestari', roles: ['kasie'] },
  { username: 'hendra', displayName: 'Hendra Gunawan', roles: ['kacab'] },
  { username: 'rina', displayName: 'Rina Marlina', roles: ['cs-manager'] },
  { username: 'agus', displayName: 'Agus Setiawan', roles: ['back-office'] },
];

async function main(): Promise<void> {
  rmSync(DATA, { recursive: true, force: true });
  await ensureRendererBuilt(false);

  const headoffice = await buildHeadoffice({ databaseUrl: `sqlite:${join(DATA, 'headoffice.sqlite')}`, adminToken: HO_ADMIN_TOKEN });
  const headofficeUrl = await headoffice.app.listen({ port: 5180, host: '127.0.0.1' });

  // Set the branch up through the same contract the setup screen and the CLI use.
  const deskDir = join(DATA, 'branch');
  const core = await createCore({ dataDir: deskDir });
  const call = async (method: string, input: unknown, token: string | null = null) => {
    const answer = await core.dispatch({ method, input, token, transport: 'cli' });
    if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
    return answer.result as Record<string, unknown>;
  };
  await call('setup.init', { branch: BRANCH, admin: { username: 'admin', displayName: 'Admin Cabang', password: PASSWORD } });
  const admin = String((await call('auth.login', { username: 'admin', password: PASSWORD })).token);
  for (const person of STAFF) await call('users.create', { ...person, password: PASSWORD }, admin);
  const code = await createEnrollCode(headoffice.ctx.db, BRANCH.code, Date.now());
  await call('sync.enroll', { headofficeUrl, code }, admin);
  await core.sync.syncOnce();
  await core.close();

  const desk = await startServe({ dataDir: deskDir, port: 5170 });
  console.log(`
Serambi demo
  Branch desk : ${desk.url}   (${BRANCH.name}, ${BRANCH.code})
  Head office : ${headofficeUrl}/admin   (admin token: ${HO_ADMIN_TOKEN})
  Password for every user: ${PASSWORD}
    admin (Admin)${STAFF.map((s) => `\n    ${s.username} (${s.roles.join(', ')})`).join('')}
  Data: ${DATA}
Ctrl+C stops both.`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await desk.close();
  await headoffice.app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
