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
import { sampleComplaints } from './demo-complaints';
import { sampleInvoices } from './demo-invoices';
import { DEMO_ACCOUNT, feedFirstTransfer, samplePayments, writeSampleStatement } from './demo-payments';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, '.serambi-demo');
const PASSWORD = 'serambi-demo-1';
const HO_ADMIN_TOKEN = 'serambi-demo-admin-token';
/** The demo's bank-callback secret: sign a payment to a VA with it to see an invoice paid. */
const CALLBACK_SECRET = 'serambi-demo-callback-secret';
/** The demo's bank-feed secret: sign a mutation with it to feed a transfer to the branch. */
const FEED_SECRET = 'serambi-demo-feed-secret';
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

  const headoffice = await buildHeadoffice({
    databaseUrl: `sqlite:${join(DATA, 'headoffice.sqlite')}`,
    adminToken: HO_ADMIN_TOKEN,
    invoices: { callbackSecret: CALLBACK_SECRET },
    feedSecret: FEED_SECRET,
  });
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
  await sampleApplications(call);
  await sampleComplaints(call, PASSWORD, Date.now());
  await sampleInvoices(call, PASSWORD, Date.now());
  const payments = await samplePayments(call, PASSWORD, async () => void (await core.sync.syncOnce()));
  await core.sync.syncOnce();
  const statement = join(DATA, 'mutasi-bca-hari-ini.csv');
  writeSampleStatement(statement, payments.totals, Date.now());
  await feedFirstTransfer(headofficeUrl, FEED_SECRET, payments.totals[0]!, Date.now());
  // Head office sends the OTP of the approved application and the invoice notices; the next round
  // brings their statuses back.
  await headoffice.app.invoiceNotifier.kick();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await core.sync.syncOnce();
  await core.close();

  const desk = await startServe({ dataDir: deskDir, port: 5170 });
  console.log(`
Serambi demo
  Branch desk : ${desk.url}   (${BRANCH.name}, ${BRANCH.code})
  Head office : ${headofficeUrl}/admin   (admin token: ${HO_ADMIN_TOKEN})
  WhatsApp    : ${headofficeUrl}/admin/messages   (messages are recorded there, not sent)
  VA callback : POST ${headofficeUrl}/api/invoices/callback   (X-Callback-Signature: hex HMAC-SHA256 of the body with "${CALLBACK_SECRET}")
  Bank feed   : POST ${headofficeUrl}/api/mutations/webhook   (Signature: hex HMAC-SHA256 of the body with "${FEED_SECRET}")
  Statement   : ${statement}   (Mutasi & Pembayaran → Impor Mutasi, account ${DEMO_ACCOUNT.bank} ${DEMO_ACCOUNT.number})
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

type Call = (method: string, input: unknown, token?: string | null) => Promise<Record<string, unknown>>;

/** Account-opening applications at each step, the last approved so its OTP goes out. */
async function sampleApplications(call: Call): Promise<void> {
  const as = async (username: string) => String((await call('auth.login', { username, password: PASSWORD })).token);
  const [ao, kasie, kacab] = [await as('andi'), await as('dewi'), await as('hendra')];
  const customer = (name: string, nik: string, phone: string) => ({
    customerName: name,
    nik,
    phone1: phone,
    address: 'Jl. Jend. Sudirman No. 1, Jakarta Pusat',
    product: 'tabungan',
  });
  await call('otp.create', { ...customer('Rudi Hartono', '3171011203850002', '0812-3456-7801'), submit: false }, ao);
  await call('otp.create', { ...customer('Maya Sari', '3171014506900003', '0812-3456-7802'), submit: true }, ao);
  const approved = await call('otp.create', { ...customer('Bambang Pamungkas', '3171012208880001', '0812-3456-7803'), submit: true }, ao);
  await call('otp.approve', { id: approved.id }, kasie);
  await call('otp.approve', { id: approved.id }, kacab);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
