// Head office for the fault harness, in a process of its own so the test can SIGKILL it in the
// middle of a push and start it again on the same database. It listens on a free loopback port
// and says which; the desks never see it move, they only know the fault proxy. When the test
// closes stdin (done, or itself gone) it closes its server and database and exits.
import { buildHeadoffice } from '../../headoffice/app';
import type { HeadofficeMessage } from './messages';

const say = (message: HeadofficeMessage) => process.stdout.write(`${JSON.stringify(message)}\n`);

try {
  const { app, ctx } = await buildHeadoffice({
    databaseUrl: process.env.SYNC_FAULT_HO_DB!,
    adminToken: process.env.SYNC_FAULT_HO_TOKEN!,
    passwordCost: 10,
  });
  process.stdin.on('end', () => void app.close().finally(() => process.exit(0)));
  process.stdin.resume();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  say({ t: 'listening', port: typeof address === 'object' && address ? address.port : 0, epoch: ctx.epoch });
} catch (error) {
  say({ t: 'fatal', error: String((error as Error).stack ?? error) });
  process.exit(1);
}
