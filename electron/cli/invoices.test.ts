import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { templateHeaders } from '../../shared/invoices/templates';
import { useCliDataDir } from './testing';

// The invoice-batches commands of DESIGN.md's CLI contract on a real branch data folder: the
// template written as xlsx, a filled-in copy imported with the documented JSON, exit 2 with one
// line on bad input.
const cli = useCliDataDir('serambi-cli-invoices-');
const run = cli.run;

const ADMIN = { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'rahasia-admin-1' };
const BACK_OFFICE = { SERAMBI_USER: 'bona', SERAMBI_PASSWORD: 'bona-sandi-1' };

async function setUpBranch() {
  expect((await run(['init', '--branch', 'JKT01', '--admin', 'admin'], { SERAMBI_PASSWORD: ADMIN.SERAMBI_PASSWORD })).code).toBe(0);
  expect((await run(['user', 'add', 'bona', '--role', 'back-office'], { ...ADMIN, SERAMBI_NEW_PASSWORD: BACK_OFFICE.SERAMBI_PASSWORD })).code).toBe(0);
}

describe('serambi invoices template, invoices import', () => {
  it('writes the template, then imports a filled-in copy answering {batch, accepted, rejected, errors}', async () => {
    await setUpBranch();
    const template = join(cli.dir(), 'einvoice.xlsx');
    const written = await run(['invoices', 'template', '--module', 'einvoice', '--out', template], BACK_OFFICE);
    expect(written.code, written.err).toBe(0);
    const book = XLSX.read(readFileSync(template), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })[0]).toEqual(templateHeaders('einvoice'));

    // the CLI runs on the real clock: due dates far ahead
    XLSX.utils.sheet_add_aoa(
      sheet,
      [
        ['INV-CLI-1', 'PT Maju Jaya', 'keuangan@majujaya.co.id', '0812-1111-2222', 1_500_000, '31/12/2099', 'Jasa Desember'],
        ['INV-CLI-2', 'CV Sentosa', 'bukan-email', '', 750_000, '31/12/2099', ''],
        ['INV-CLI-3', 'Toko Berkah', '', '0813-3333-4444', '500.000', '15/01/2100', ''],
      ],
      { origin: 'A2' },
    );
    const filled = join(cli.dir(), 'batch.xlsx');
    writeFileSync(filled, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const imported = await run(['invoices', 'import', filled, '--module', 'einvoice', '--json'], BACK_OFFICE);
    expect(imported.code, imported.err).toBe(0);
    const answer = JSON.parse(imported.out) as { batch: string; accepted: number; rejected: number; errors: { row: number; column: string; message: string }[] };
    expect(answer).toEqual({
      batch: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      accepted: 2,
      rejected: 1,
      errors: [{ row: 3, column: 'Email', message: 'Alamat email "bukan-email" tidak valid.' }],
    });

    // the same file again: every number is now known, so nothing is accepted and the command fails as bad input
    const again = await run(['invoices', 'import', filled, '--module', 'einvoice'], { ...BACK_OFFICE, SERAMBI_LANG: 'en' });
    expect(again.code).toBe(2);
    expect(again.err.split('\n')).toHaveLength(1);
    expect(again.err).toMatch(/No row can be accepted.*INV-CLI-1 already exists/);
  });

  it('exits 2 with a one-line reason for a missing module, a missing file or the other module', async () => {
    await setUpBranch();
    const pintukelas = join(cli.dir(), 'pintukelas.xlsx');
    expect((await run(['invoices', 'template', '--module', 'pintukelas', '--out', pintukelas], BACK_OFFICE)).code).toBe(0);
    const cases = [
      { argv: ['invoices', 'template', '--module', 'faktur', '--out', join(cli.dir(), 'x.xlsx')], reason: /--module must be one of einvoice, pintukelas/ },
      { argv: ['invoices', 'template', '--module', 'einvoice'], reason: /--out/ },
      { argv: ['invoices', 'import', join(cli.dir(), 'nope.xlsx'), '--module', 'einvoice'], reason: /no such file/ },
      { argv: ['invoices', 'import', pintukelas, '--module', 'einvoice'], reason: /template PintuKelas, bukan E-Invoice/ },
    ];
    for (const c of cases) {
      const result = await run(c.argv, BACK_OFFICE);
      expect(result.code, c.argv.join(' ')).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(c.reason);
    }
  });
});
