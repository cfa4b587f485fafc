import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseIsoWeekLabel, formatIsoWeek } from '../../../shared/complaints/report';
import type { Command } from '../main';
import { defaultDataDir, openCliSession, UsageError } from '../context';

const FORMATS = { '.xlsx': 'xlsx', '.pdf': 'pdf', '.json': 'json' } as const;

/**
 * The weekly evaluation to a file, through the same methods as the screen (complaints.exportWeekly
 * for a workbook or a PDF, complaints.weeklyReport for JSON), so the same roles apply: CS manager,
 * Kasie, Kacab.
 */
export const complaintsWeeklyReportCommand: Command = {
  words: ['complaints', 'report', 'weekly'],
  usage: 'complaints report weekly --week YYYY-Www --out FILE.xlsx|.pdf|.json [--json]   the weekly evaluation of the complaints logged that ISO week',
  options: { week: { type: 'string' }, out: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    if (!values.week) throw new UsageError('--week YYYY-Www is required, e.g. --week 2026-W47');
    const parsed = parseIsoWeekLabel(String(values.week));
    if (!parsed) throw new UsageError(`--week must be an ISO week that exists, like 2026-W47 (got "${String(values.week)}")`);
    const week = formatIsoWeek(parsed);
    if (!values.out) throw new UsageError('--out FILE.xlsx|.pdf|.json is required');
    const out = resolve(String(values.out));
    const format = FORMATS[extname(out).toLowerCase() as keyof typeof FORMATS];
    if (!format) throw new UsageError(`--out must end in .xlsx, .pdf or .json (got "${String(values.out)}")`);

    const session = await openCliSession((values.data as string | undefined) ?? defaultDataDir(io.env), io.env);
    try {
      await session.authenticate();
      const report = await session.call('complaints.weeklyReport', { week });
      let bytes: Buffer;
      if (format === 'json') bytes = Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
      else bytes = Buffer.from((await session.call('complaints.exportWeekly', { week, format })).dataBase64, 'base64');
      await writeFile(out, bytes);
      if (values.json) io.out(JSON.stringify({ week, format, out, bytes: bytes.length, total: report.total }));
      else io.out(`Evaluasi mingguan ${week} (${report.total} keluhan) disimpan ke ${out}.`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
