import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { translate } from '../../../shared/i18n/translate';
import { MAX_INVOICE_FILE_BYTES } from '../../../shared/invoices/sheet';
import { INVOICE_MODULES, type InvoiceModule } from '../../../shared/invoices/templates';
import type { Command } from '../main';
import { cliLocale, defaultDataDir, openCliSession, UsageError } from '../context';

// The invoice-batches desk on the command line (DESIGN.md's CLI contract), through the same methods
// as the screens, so the same roles and rules apply.

type Session = Awaited<ReturnType<typeof openCliSession>>;

async function withSession<T>(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openCliSession((values.data as string | undefined) ?? defaultDataDir(env), env);
  try {
    await session.authenticate();
    return await work(session);
  } finally {
    await session.close();
  }
}

function moduleOf(value: string | boolean | undefined): InvoiceModule {
  if (typeof value !== 'string' || !(INVOICE_MODULES as readonly string[]).includes(value)) {
    throw new UsageError(`--module must be one of ${INVOICE_MODULES.join(', ')}`);
  }
  return value as InvoiceModule;
}

export const invoicesTemplateCommand: Command = {
  words: ['invoices', 'template'],
  usage: `invoices template --module ${INVOICE_MODULES.join('|')} --out F.xlsx [--json]   the Excel template of an invoice module`,
  options: { module: { type: 'string' }, out: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const module = moduleOf(values.module);
    if (typeof values.out !== 'string' || !values.out.trim()) throw new UsageError('--out F.xlsx is required');
    const out = resolve(values.out);
    return withSession(values, io.env, async (session) => {
      const template = await session.call('invoices.template', { module });
      const bytes = Buffer.from(template.dataBase64, 'base64');
      await writeFile(out, bytes);
      if (values.json) io.out(JSON.stringify({ module, out, bytes: bytes.length }));
      else io.out(`Template ${module} ditulis ke ${out}.`);
      return 0;
    });
  },
};

export const invoicesImportCommand: Command = {
  words: ['invoices', 'import'],
  usage: `invoices import FILE --module ${INVOICE_MODULES.join('|')} [--json]   import an invoice batch; rows with problems are left out and listed`,
  options: { module: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (positionals.length !== 1) throw new UsageError('give exactly one invoice FILE (.xlsx)');
    const module = moduleOf(values.module);
    const path = resolve(positionals[0]!);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
    if (info.size > MAX_INVOICE_FILE_BYTES) throw new UsageError(`${positionals[0]} is ${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${MAX_INVOICE_FILE_BYTES / 1024 / 1024} MB`);
    if (info.size === 0) throw new UsageError(`${positionals[0]} is empty`);
    const dataBase64 = (await readFile(path)).toString('base64');
    const locale = cliLocale(io.env);
    return withSession(values, io.env, async (session) => {
      const result = await session.call('invoices.import', { module, fileName: basename(path), dataBase64 });
      const errors = result.errors.map((e) => ({ row: e.row, column: e.column, message: translate(locale, e.key, e.params) }));
      if (values.json) io.out(JSON.stringify({ batch: result.batchId, accepted: result.accepted, rejected: result.rejected, errors }));
      else {
        for (const e of errors) io.out(`baris ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
        io.out(`${basename(path)}: ${result.accepted} tagihan diterima, ${result.rejected} baris ditolak (batch ${result.batchId}).`);
      }
      return 0;
    });
  },
};
