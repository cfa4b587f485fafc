import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { localDayKey } from '../../shared/domain/time';

// The demo's mutation matching: the company's BCA account, a few open payments with their unique
// codes, one of them already paid through the bank feed, and the day's KlikBCA statement written
// beside the data. Importing it in *Impor Mutasi* shows the fed transfer not added twice, a match
// with its reason, and a mistyped transfer left for *Verifikasi Manual*.

type Call = (method: string, input: unknown, token?: string | null) => Promise<Record<string, unknown>>;

export const DEMO_ACCOUNT = { bank: 'BCA', number: '0123456789', holder: 'PT Serambi Nusantara' };

/** The account and three open payments; `sync` runs a sync round (the desk's code blocks come by it). */
export async function samplePayments(call: Call, password: string, sync: () => Promise<void>): Promise<{ accountId: string; totals: number[] }> {
  const token = String((await call('auth.login', { username: 'agus', password })).token);
  const account = await call('payments.addAccount', DEMO_ACCOUNT, token);
  const accountId = String(account.id);
  await sync();
  await sync();
  const totals: number[] = [];
  for (const [amount, reference, payerName] of [
    [150_000, 'ORDER-2026-0141', 'Budi Santoso'],
    [250_000, 'ORDER-2026-0142', 'Sari Dewi'],
    [75_000, 'ORDER-2026-0143', null],
  ] as const) {
    const payment = await call('payments.expect', { accountId, amount, reference, ...(payerName ? { payerName } : {}) }, token);
    totals.push(Number(payment.total));
  }
  return { accountId, totals };
}

/** Head office's bank feed, signed as the bank would: the first payment's transfer, arrived just now. */
export async function feedFirstTransfer(headofficeUrl: string, secret: string, total: number, now: number): Promise<void> {
  const wib = new Date(now + 7 * 3_600_000).toISOString();
  const body = JSON.stringify([
    {
      mutation_id: 'demo-feed-1',
      account_number: DEMO_ACCOUNT.number,
      date: `${wib.slice(0, 10)} ${wib.slice(11, 19)}`,
      amount: total,
      type: 'CR',
      description: 'TRSF E-BANKING CR BUDI SANTOSO',
    },
  ]);
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  const answer = await fetch(new URL('/api/mutations/webhook', headofficeUrl), { method: 'POST', headers: { 'content-type': 'application/json', signature }, body });
  if (!answer.ok) throw new Error(`demo bank feed: ${answer.status} ${await answer.text()}`);
}

/** Today's KlikBCA statement: the fed transfer again, the second paid exactly, the third mistyped, a fee. */
export function writeSampleStatement(path: string, totals: readonly number[], now: number): void {
  const [year, month, day] = localDayKey(now, 'WIB').split('-');
  const lines = [
    `No. rekening : ${DEMO_ACCOUNT.number}`,
    `Nama : ${DEMO_ACCOUNT.holder.toUpperCase()}`,
    `Periode : ${day}/${month}/${year} - ${day}/${month}/${year}`,
    'Kode Mata Uang : IDR',
    '',
    'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo',
    `'${day}/${month},'TRSF E-BANKING CR BUDI SANTOSO,'0000,${totals[0]}.00,CR,${10_000_000 + totals[0]!}.00`,
    `'${day}/${month},'TRSF E-BANKING CR SARI DEWI,'0000,${totals[1]}.00,CR,${10_000_000 + totals[0]! + totals[1]!}.00`,
    `'${day}/${month},'SETORAN TUNAI ATM,'0000,${totals[2]! + 1}.00,CR,${10_000_001 + totals[0]! + totals[1]! + totals[2]!}.00`,
    `'${day}/${month},'BIAYA ADM,'0000,15000.00,DB,${9_985_001 + totals[0]! + totals[1]! + totals[2]!}.00`,
    '',
    'Saldo Akhir,0',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
