import { writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDayKey } from '../../shared/domain/time';
import { useCliDataDir } from './testing';

// The mutation-matching desk's commands of DESIGN.md's CLI contract, on a real branch data folder:
// JSON answers of the documented shape, exit 2 with one line on bad input.
const cli = useCliDataDir('serambi-cli-payments-');
const run = cli.run;

const ADMIN = { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'rahasia-admin-1' };
const BACK_OFFICE = { SERAMBI_USER: 'bona', SERAMBI_PASSWORD: 'bona-sandi-1' };

async function setUpBranch() {
  expect((await run(['init', '--branch', 'JKT01', '--admin', 'admin'], { SERAMBI_PASSWORD: ADMIN.SERAMBI_PASSWORD })).code).toBe(0);
  expect((await run(['user', 'add', 'bona', '--role', 'back-office'], { ...ADMIN, SERAMBI_NEW_PASSWORD: BACK_OFFICE.SERAMBI_PASSWORD })).code).toBe(0);
  expect((await run(['payments', 'account', 'add', '--bank', 'Mandiri', '--number', '123-00-0987654-3', '--holder', 'PT Serambi'], BACK_OFFICE)).code).toBe(0);
}

describe('serambi payments expect, statement import, match', () => {
  it('creates payments, imports a Mandiri statement and matches it, each answer in the documented JSON', async () => {
    await setUpBranch();
    const one = await run(['payments', 'expect', '--account', '1230009876543', '--amount', '50.000', '--ref', 'ORD-1', '--json'], BACK_OFFICE);
    expect(one.code).toBe(0);
    const payment = JSON.parse(one.out) as { id: string; uniqueCode: number; total: number };
    expect(payment.total).toBe(50_000 + payment.uniqueCode);

    const bulkFile = join(cli.dir(), 'bulk.csv');
    writeFileSync(bulkFile, 'ref,amount\nORD-2,75000\nORD-3,"75.000"\n');
    const bulk = JSON.parse((await run(['payments', 'expect', '--file', bulkFile, '--account', '1230009876543', '--json'], BACK_OFFICE)).out) as {
      created: number;
      payments: { ref: string; uniqueCode: number; total: number }[];
    };
    expect(bulk.created).toBe(2);
    expect(bulk.payments.map((p) => p.ref)).toEqual(['ORD-2', 'ORD-3']);

    const total = (n: number) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')},00`;
    // the CLI runs on the real clock: the transfers land today, after the payments were made
    const [y, m, d] = localDayKey(Date.now(), 'WIB').split('-');
    const today = `${d}/${m}/${y}`;
    const statement = join(cli.dir(), 'mandiri.csv');
    writeFileSync(
      statement,
      [
        'No. Rekening;1230009876543',
        'Tgl.;Tgl. Val.;Rincian Transaksi;No. Referensi;Debit;Kredit;Saldo',
        `${today};${today};TRANSFER DARI BUDI;REF1;0,00;${total(payment.total)};1.050.009,00`,
        ';;ORDER ORD-1;;;;',
        `${today};${today};TRANSFER DARI SITI;REF2;0,00;${total(bulk.payments[0]!.total)};1.125.010,00`,
        `${today};${today};BIAYA ADMIN;REF3;5.000,00;0,00;1.120.010,00`,
        'PEND;;TRANSFER MASUK;;;10.000,00;',
        '',
      ].join('\n'),
    );
    const imported = await run(['statement', 'import', statement, '--account', '1230009876543', '--json'], BACK_OFFICE);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({ format: 'mandiri', rows: 3, credits: 2, debits: 1, imported: 3, duplicates: 0, errors: [], matched: 2, ambiguous: 0, unmatched: 0 });

    expect(JSON.parse((await run(['match', '--json'], BACK_OFFICE)).out)).toEqual({ matched: 0, ambiguous: 0, unmatched: 0 });
  });

  it('exits 2 with a one-line reason for a missing file, an unknown account or a bad amount', async () => {
    await setUpBranch();
    const cases = [
      { argv: ['statement', 'import', join(cli.dir(), 'nope.csv'), '--account', '1230009876543'], reason: /no such file/ },
      { argv: ['payments', 'expect', '--account', '999', '--amount', '1000', '--ref', 'X'], reason: /no account 999/ },
      { argv: ['payments', 'expect', '--account', '1230009876543', '--amount', '12,50', '--ref', 'X'], reason: /whole rupiah/ },
      { argv: ['statement', 'import', join(cli.dir(), 'x.csv'), '--account', '1230009876543', '--format', 'xls'], reason: /--format/ },
    ];
    for (const c of cases) {
      const result = await run(c.argv, BACK_OFFICE);
      expect(result.code, c.argv.join(' ')).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(c.reason);
    }
  });
});
