import type { ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { ADMIN, BRANCH } from './fixtures';
import { DeskApi, type Person } from './otp-world';
import { runCli, startServing, stop, type Started } from './processes';
import { HO_ADMIN_TOKEN } from './sync-world';

// The invoice tests' world: a head office (SQLite) that holds the bank's VA callback secret and
// records every email, WhatsApp and SMS it "sends" (the development provider), and one branch
// desk set up by `serambi init`, enrolled with head office and staffed by its admin: a back-office
// clerk who runs the invoice batches and a Kasie who enters the bank's VA setting.

export const BACK_OFFICE: Person = { username: 'rina', displayName: 'Rina Marlina', password: 'rina-bo-2026', roles: ['back-office'] };
export const KASIE: Person = { username: 'hendra', displayName: 'Hendra Gunawan', password: 'hendra-kasie-2026', roles: ['kasie'] };
const CALLBACK_SECRET = 'e2e-invoice-callback-secret-0123456789';
const WA_APP_SECRET = 'e2e-whatsapp-app-secret-0123456789';

export interface BankPayment {
  payment_id: string;
  va: string;
  amount: number;
  /** ISO 8601 */
  paid_at: string;
  bank: string;
}

export class InvoicesWorld {
  private constructor(
    readonly dir: string,
    readonly headoffice: Started,
    readonly desk: Started,
  ) {}

  static async start(): Promise<InvoicesWorld> {
    const dir = await mkdtemp(join(tmpdir(), 'serambi-e2e-invoices-'));
    const started: ChildProcess[] = [];
    try {
      const data = join(dir, 'desk');
      const [headoffice, desk] = await Promise.all([
        startServing(
          ['headoffice', '--port', '0', '--db', `sqlite:${join(dir, 'ho.sqlite')}`, '--data', join(dir, 'headoffice')],
          { SERAMBI_HO_ADMIN_TOKEN: HO_ADMIN_TOKEN, SERAMBI_HO_CALLBACK_SECRET: CALLBACK_SECRET, SERAMBI_WA_APP_SECRET: WA_APP_SECRET },
          'head office',
        ).then((s) => (started.push(s.child), s)),
        runCli(['init', '--branch', BRANCH.code, '--admin', ADMIN.username, '--admin-name', ADMIN.displayName, '--name', BRANCH.name, '--data', data], {
          SERAMBI_PASSWORD: ADMIN.password,
        }).then(() => startServing(['serve', '--data', data, '--port', '0'], {}, 'invoice desk').then((s) => (started.push(s.child), s))),
      ]);
      const world = new InvoicesWorld(dir, headoffice, desk);
      const admin = await DeskApi.login(desk.url, ADMIN);
      try {
        await admin.call('sync.enroll', { headofficeUrl: headoffice.url, code: await world.enrollCode() });
        for (const person of [BACK_OFFICE, KASIE]) {
          await admin.call('users.create', { username: person.username, displayName: person.displayName, roles: person.roles, password: person.password });
        }
        await admin.call('sync.now', {});
      } finally {
        await admin.dispose();
      }
      return world;
    } catch (error) {
      await Promise.all(started.map((child) => stop(child)));
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private async enrollCode(): Promise<string> {
    const response = await fetch(`${this.headoffice.url}/admin/api/enroll-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${HO_ADMIN_TOKEN}` },
      body: JSON.stringify({ branch: BRANCH.code }),
    });
    if (response.status !== 200) throw new Error(`enroll code: ${response.status}`);
    return ((await response.json()) as { code: string }).code;
  }

  /** The desk's API as one person, for what the screens under test do not show (a sync round). */
  api(person: Person): Promise<DeskApi> {
    return DeskApi.login(this.desk.url, person);
  }

  /**
   * The bank's payment callback, signed as the bank signs it: the hex HMAC-SHA256 of the raw body
   * under the secret head office was given.
   */
  async bankPays(payment: BankPayment): Promise<{ status: number; body: unknown }> {
    const body = JSON.stringify(payment);
    const signature = createHmac('sha256', CALLBACK_SECRET).update(body).digest('hex');
    const response = await fetch(`${this.headoffice.url}/api/invoices/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-callback-signature': signature },
      body,
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  /**
   * WhatsApp's status webhook, signed with the app secret, about the WhatsApp notice head office
   * sent to `to` (E.164), found by its provider id in head office's list of invoice messages.
   */
  async whatsappSays(to: string, status: 'delivered' | 'read' | 'failed'): Promise<number> {
    const listed = await fetch(`${this.headoffice.url}/admin/api/invoice-messages`, { headers: { authorization: `Bearer ${HO_ADMIN_TOKEN}` } });
    const { messages } = (await listed.json()) as { messages: { channel: string; recipient: string; providerMessageId: string | null }[] };
    const id = messages.find((m) => m.channel === 'whatsapp' && m.recipient === to)?.providerMessageId;
    if (!id) throw new Error(`head office sent no WhatsApp notice to ${to}`);
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses: [{ id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: to.slice(1) }] } }] }],
    });
    const response = await fetch(`${this.headoffice.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', WA_APP_SECRET).update(body).digest('hex')}` },
      body,
    });
    return response.status;
  }

  /**
   * A filled copy of a downloaded template: its header row kept, the example row replaced by
   * `rows` (cells as a clerk types them: text, whole rupiah, DD/MM/YYYY).
   */
  async fillTemplate(template: string, name: string, rows: readonly (string | number)[][]): Promise<{ path: string; header: string[] }> {
    const book = XLSX.read(await readFile(template), { type: 'buffer' });
    const sheetName = book.SheetNames[0]!;
    const header = (XLSX.utils.sheet_to_json<string[]>(book.Sheets[sheetName]!, { header: 1 })[0] ?? []).map(String);
    const sheet = XLSX.utils.aoa_to_sheet([header, ...rows]);
    const filled = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(filled, sheet, sheetName);
    const path = join(this.dir, name);
    await writeFile(path, XLSX.write(filled, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return { path, header };
  }

  async close(): Promise<void> {
    await Promise.all([stop(this.desk.child), stop(this.headoffice.child)]);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A day `days` from today on the branch's wall clock (Jakarta), as `DD/MM/YYYY`. */
export function jakartaDay(days: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.now() + days * 86_400_000)).map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year}`;
}
