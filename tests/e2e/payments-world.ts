import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ADMIN, BRANCH } from './fixtures';
import { DeskApi, type Person } from './otp-world';
import { runCli, startServing, stop, type Started } from './processes';

// The payments tests' world: one branch desk of its own (no head office: a desk that stands alone
// gives every unique code of its accounts), initialised by `serambi init`, with a back-office
// clerk, a Kasie who approves manual verifications, and a teller, made by the admin as in Pengguna.
// Statement files and the receipt photo are written into the world's own folder.

export const BACK_OFFICE: Person = { username: 'rina', displayName: 'Rina Marlina', password: 'rina-bo-2026', roles: ['back-office'] };
export const KASIE: Person = { username: 'hendra', displayName: 'Hendra Gunawan', password: 'hendra-kasie-2026', roles: ['kasie'] };
export const TELLER: Person = { username: 'tono', displayName: 'Tono Saputra', password: 'tono-teller-2026', roles: ['teller'] };

export class PaymentsWorld {
  private constructor(
    readonly dir: string,
    readonly data: string,
    readonly desk: Started,
  ) {}

  static async start(): Promise<PaymentsWorld> {
    const dir = await mkdtemp(join(tmpdir(), 'serambi-e2e-payments-'));
    const data = join(dir, 'desk');
    let desk: Started | undefined;
    try {
      await runCli(['init', '--branch', BRANCH.code, '--admin', ADMIN.username, '--admin-name', ADMIN.displayName, '--name', BRANCH.name, '--data', data], {
        SERAMBI_PASSWORD: ADMIN.password,
      });
      desk = await startServing(['serve', '--data', data, '--port', '0'], {}, 'payments desk');
      const admin = await DeskApi.login(desk.url, ADMIN);
      try {
        for (const person of [BACK_OFFICE, KASIE, TELLER]) {
          await admin.call('users.create', { username: person.username, displayName: person.displayName, roles: person.roles, password: person.password });
        }
      } finally {
        await admin.dispose();
      }
      return new PaymentsWorld(dir, data, desk);
    } catch (error) {
      if (desk) await stop(desk.child);
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Writes a file into the world's folder and says where. */
  async file(name: string, content: string | Buffer): Promise<string> {
    const path = join(this.dir, name);
    await writeFile(path, content);
    return path;
  }

  /** `serambi ARGS… --data` of this desk, as a person (what a clerk runs for a file too big for the browser's upload). */
  cli(args: string[], person: Person): Promise<string> {
    return runCli([...args, '--data', this.data], { SERAMBI_USER: person.username, SERAMBI_PASSWORD: person.password });
  }

  async close(): Promise<void> {
    await stop(this.desk.child);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Today on the branch's wall clock (Jakarta). */
export function jakartaToday(): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value]),
  );
  return { day: parts.day!, month: parts.month!, year: parts.year! };
}

export interface StatementRow {
  /** DD/MM */
  date: string;
  description: string;
  /** rupiah, as the export writes it: 50009.00 */
  amount: string;
  direction: 'CR' | 'DB';
  balance: string;
}

/** A KlikBCA CSV export as internet banking gives it: preamble, header, quoted rows, totals. */
export function bcaStatement(account: string, holder: string, period: { from: string; to: string }, rows: readonly StatementRow[]): string {
  return [
    `No. rekening : ${account}`,
    `Nama : ${holder}`,
    `Periode : ${period.from} - ${period.to}`,
    'Kode Mata Uang : IDR',
    '',
    'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo',
    ...rows.map((r) => `'${r.date},'${r.description},'0000,${r.amount},${r.direction},${r.balance}`),
    '',
    'Saldo Awal,1000000.00',
    'Mutasi Kredit,0',
    'Mutasi Debet,0',
    'Saldo Akhir,0',
    '',
  ].join('\n');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small grey-and-white "receipt" picture, as a customer's phone screenshot would arrive. */
export function receiptPng(width = 160, height = 96): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) {
      const ink = y > 10 && y % 14 < 4 && x > 12 && x < width - 12 - (y % 3) * 20;
      const v = y < 8 ? 15 : ink ? 120 : 250;
      raw.fill(y < 8 ? 118 : v, row + 1 + x * 3, row + 4 + x * 3);
      if (y < 8) raw[row + 1 + x * 3] = v;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
