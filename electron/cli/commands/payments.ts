import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MAX_STATEMENT_BYTES, STATEMENT_FORMAT_CHOICES } from '../../../shared/api/methods/payments';
import { formatRupiah, parseWholeRupiah } from '../../../shared/domain/money';
import type { Command } from '../main';
import { defaultDataDir, openCliSession, UsageError } from '../context';

// The mutation-matching desk on the command line (DESIGN.md's CLI contract), through the same
// methods as the screens, so the same roles and rules apply.

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

/** `--account` takes the account number as printed (dots, spaces) or the account's id. */
async function accountId(session: Session, text: string | boolean | undefined): Promise<string> {
  if (typeof text !== 'string' || !text.trim()) throw new UsageError('--account ACCOUNT_NUMBER is required');
  const { accounts } = await session.call('payments.accounts', {});
  const digits = text.replace(/\D/g, '');
  const account = accounts.find((a) => a.id === text || (digits && a.number === digits));
  if (!account) throw new UsageError(`no account ${text} at this branch; add it first (known: ${accounts.map((a) => `${a.bank} ${a.number}`).join(', ') || 'none'})`);
  return account.id;
}

async function readInput(path: string, maxBytes: number): Promise<{ fileName: string; dataBase64: string }> {
  const full = resolve(path);
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`no such file: ${path}`);
  // refused before reading: a 200 MB file is not loaded to be told it is too large
  if (info.size > maxBytes) throw new UsageError(`${path} is ${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (info.size === 0) throw new UsageError(`${path} is empty`);
  return { fileName: basename(full), dataBase64: (await readFile(full)).toString('base64') };
}

export const paymentsAccountAddCommand: Command = {
  words: ['payments', 'account', 'add'],
  usage: 'payments account add --bank BANK --number N --holder NAME [--json]   a company account the branch receives transfers on',
  options: { bank: { type: 'string' }, number: { type: 'string' }, holder: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    if (!values.bank || !values.number || !values.holder) throw new UsageError('--bank, --number and --holder are required');
    return withSession(values, io.env, async (session) => {
      const account = await session.call('payments.addAccount', { bank: String(values.bank), number: String(values.number), holder: String(values.holder) });
      if (values.json) io.out(JSON.stringify({ id: account.id, bank: account.bank, number: account.number, codes: account.codes }));
      else io.out(`Rekening ${account.bank} ${account.number} a.n. ${account.holder} ditambahkan.`);
      return 0;
    });
  },
};

export const paymentsExpectCommand: Command = {
  words: ['payments', 'expect'],
  usage:
    'payments expect --account ACC (--amount N --ref REF [--payer NAME] | --file F.csv|F.xlsx) [--json]   expected payments with a unique code; the total is what the customer transfers',
  options: { account: { type: 'string' }, amount: { type: 'string' }, ref: { type: 'string' }, payer: { type: 'string' }, file: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    if (values.file && (values.amount || values.ref)) throw new UsageError('give either --file or --amount with --ref, not both');
    if (!values.file) {
      if (!values.amount || !values.ref) throw new UsageError('--amount N and --ref REF are required (or --file F.csv|F.xlsx)');
      const amount = parseWholeRupiah(String(values.amount));
      if (!amount.ok || amount.rupiah <= 0) throw new UsageError(`--amount must be whole rupiah above zero, like 50000 or 50.000 (got "${String(values.amount)}")`);
      return withSession(values, io.env, async (session) => {
        const payment = await session.call('payments.expect', {
          accountId: await accountId(session, values.account),
          amount: amount.rupiah,
          reference: String(values.ref),
          ...(values.payer ? { payerName: String(values.payer) } : {}),
        });
        if (values.json) io.out(JSON.stringify({ id: payment.id, uniqueCode: payment.uniqueCode, total: payment.total }));
        else io.out(`${payment.reference}: kode unik ${payment.uniqueCode}, total transfer ${formatRupiah(payment.total)} (berlaku sampai ${new Date(payment.expiresAt).toISOString()}).`);
        return 0;
      });
    }
    const file = await readInput(String(values.file), 8 * 1024 * 1024);
    return withSession(values, io.env, async (session) => {
      const result = await session.call('payments.expectBulk', { accountId: await accountId(session, values.account), ...file });
      if (values.json) io.out(JSON.stringify({ created: result.created, payments: result.payments.map((p) => ({ ref: p.reference, uniqueCode: p.uniqueCode, total: p.total })) }));
      else {
        for (const p of result.payments) io.out(`${p.reference}\t${p.uniqueCode}\t${formatRupiah(p.total)}`);
        io.out(`${result.created} pembayaran dibuat.`);
      }
      return 0;
    });
  },
};

export const statementImportCommand: Command = {
  words: ['statement', 'import'],
  usage: `statement import FILE --account ACC [--format ${STATEMENT_FORMAT_CHOICES.join('|')}] [--json]   import a bank statement and match its credits`,
  options: { account: { type: 'string' }, format: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (positionals.length !== 1) throw new UsageError('give exactly one statement FILE');
    const format = (values.format ?? 'auto') as (typeof STATEMENT_FORMAT_CHOICES)[number];
    if (!STATEMENT_FORMAT_CHOICES.includes(format)) throw new UsageError(`--format must be one of ${STATEMENT_FORMAT_CHOICES.join(', ')}`);
    const file = await readInput(positionals[0]!, MAX_STATEMENT_BYTES);
    return withSession(values, io.env, async (session) => {
      const result = await session.call('statement.import', { accountId: await accountId(session, values.account), format, ...file });
      const { format: detected, rows, credits, debits, imported, duplicates, matched, ambiguous, unmatched } = result;
      const errors = result.errors.map((e) => ({ row: e.row, message: e.key }));
      if (values.json) io.out(JSON.stringify({ format: detected, rows, credits, debits, imported, duplicates, errors, matched, ambiguous, unmatched }));
      else {
        io.out(`${file.fileName} (${detected}): ${rows} baris, ${credits} kredit, ${debits} debit; ${imported} diimpor, ${duplicates} sudah ada.`);
        io.out(`Pencocokan: ${matched} cocok, ${ambiguous} perlu dipilih, ${unmatched} tidak cocok.`);
      }
      return 0;
    });
  },
};

export const matchCommand: Command = {
  words: ['match'],
  usage: 'match [--json]   match every credit not yet matched against the open expected payments',
  options: {},
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    return withSession(values, io.env, async (session) => {
      const counts = await session.call('payments.match', {});
      if (values.json) io.out(JSON.stringify(counts));
      else io.out(`Pencocokan: ${counts.matched} cocok, ${counts.ambiguous} perlu dipilih, ${counts.unmatched} tidak cocok.`);
      return 0;
    });
  },
};
