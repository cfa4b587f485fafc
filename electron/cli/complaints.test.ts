import { readFileSync } from 'node:fs';

import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { isoWeekKey } from '../../shared/domain/time';
import { pdfTextLines } from '../core/reports/testing';
import { openCliSession } from './context';
import { useCliDataDir } from './testing';

const cli = useCliDataDir('serambi-cli-complaints-');
const run = cli.run;

const ADMIN = { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'rahasia-admin-1' };
const MANAGER = { SERAMBI_USER: 'maya', SERAMBI_PASSWORD: 'maya-sandi-1' };
const CS = { SERAMBI_USER: 'siti', SERAMBI_PASSWORD: 'siti-sandi-1' };

async function setUpBranch() {
  expect((await run(['init', '--branch', 'JKT01', '--admin', 'admin'], { SERAMBI_PASSWORD: ADMIN.SERAMBI_PASSWORD })).code).toBe(0);
  expect((await run(['user', 'add', 'siti', '--role', 'cs'], { ...ADMIN, SERAMBI_NEW_PASSWORD: CS.SERAMBI_PASSWORD })).code).toBe(0);
  expect((await run(['user', 'add', 'maya', '--role', 'cs-manager'], { ...ADMIN, SERAMBI_NEW_PASSWORD: MANAGER.SERAMBI_PASSWORD })).code).toBe(0);
}

describe('serambi complaints report weekly', () => {
  it('exits 2 with a one-line reason for a bad week, a missing flag or an unknown file type', async () => {
    const cases = [
      { argv: ['--out', 'x.xlsx'], reason: /--week/ },
      { argv: ['--week', '2026-W54', '--out', 'x.xlsx'], reason: /2026-W54/ },
      { argv: ['--week', 'minggu-47', '--out', 'x.xlsx'], reason: /ISO week/ },
      { argv: ['--week', '2026-W47'], reason: /--out/ },
      { argv: ['--week', '2026-W47', '--out', 'x.csv'], reason: /\.xlsx, \.pdf or \.json/ },
    ];
    for (const c of cases) {
      const result = await run(['complaints', 'report', 'weekly', ...c.argv], MANAGER);
      expect(result.code, c.argv.join(' ')).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(c.reason);
    }
  });

  it('writes the week as xlsx, pdf and json for the CS manager, and refuses the CS', async () => {
    await setUpBranch();
    const session = await openCliSession(cli.dir(), CS);
    try {
      await session.authenticate();
      const customer = { name: 'Budi Santoso', nik: '3201011205900001' };
      await session.call('complaints.create', { customer, verifiedBy: 'nik', category: 'metode-pembayaran', channel: 'walk-in', description: 'Tanya cara bayar', facts: { canUseApp: true } });
      await session.call('complaints.create', { customer, verifiedBy: 'nik', category: 'metode-pembayaran', channel: 'hotline', description: 'Kode bayar', facts: { canUseApp: true } });
    } finally {
      await session.close();
    }
    const week = isoWeekKey(Date.now(), 'WIB');

    const xlsx = join(cli.dir(), 'evaluasi.xlsx');
    const asXlsx = await run(['complaints', 'report', 'weekly', '--week', week, '--out', xlsx, '--json'], MANAGER);
    expect(asXlsx.code, asXlsx.err).toBe(0);
    expect(JSON.parse(asXlsx.out)).toMatchObject({ week, format: 'xlsx', out: xlsx, total: 2 });
    const book = XLSX.read(readFileSync(xlsx));
    const channels = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Kanal']!, { header: 1 });
    expect(channels).toContainEqual(['Hotline', 1]);
    expect(channels).toContainEqual(['Datang ke cabang', 1]);

    const pdf = join(cli.dir(), 'evaluasi.pdf');
    const asPdf = await run(['complaints', 'report', 'weekly', '--week', week, '--out', pdf], MANAGER);
    expect(asPdf.code, asPdf.err).toBe(0);
    expect(asPdf.out).toContain(`Evaluasi mingguan ${week} (2 keluhan)`);
    const lines = pdfTextLines(readFileSync(pdf));
    expect(lines[0]).toBe(`Evaluasi Mingguan Keluhan ${week}`);
    expect(lines[lines.indexOf('Metode Pembayaran') + 1]).toBe('2');

    const json = join(cli.dir(), 'evaluasi.json');
    expect((await run(['complaints', 'report', 'weekly', '--week', week, '--out', json], MANAGER)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ week, total: 2, byCategory: { 'metode-pembayaran': 2 }, byChannel: { hotline: 1, 'walk-in': 1 } });

    const asCs = await run(['complaints', 'report', 'weekly', '--week', week, '--out', join(cli.dir(), 'cs.xlsx')], CS);
    expect(asCs.code).toBe(1);
    expect(asCs.err).toMatch(/tidak berwenang/);
  });
});
