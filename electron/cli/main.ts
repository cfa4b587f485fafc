import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildCommand } from './commands/build';
import { complaintsWeeklyReportCommand } from './commands/complaints';
import { enrollCodeCommand, headofficeCommand, headofficeStatusCommand } from './commands/headoffice';
import { enrollCommand, syncCommand } from './commands/sync';
import { initCommand } from './commands/init';
import { invoicesImportCommand, invoicesTemplateCommand } from './commands/invoices';
import { matchCommand, paymentsAccountAddCommand, paymentsExpectCommand, statementImportCommand } from './commands/payments';
import { serveCommand, startCommand } from './commands/serve';
import { userAddCommand } from './commands/user';
import { cliLocale, errorLine, exitCodeFor, UsageError, type Io } from './context';

export interface Command {
  /** Words that name the command, e.g. ['user', 'add']. */
  words: string[];
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[]; io: Io }): Promise<number>;
}

const COMMON: Command['options'] = { data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } };

export const COMMANDS: Command[] = [
  initCommand,
  userAddCommand,
  serveCommand,
  startCommand,
  buildCommand,
  headofficeCommand,
  enrollCodeCommand,
  headofficeStatusCommand,
  enrollCommand,
  syncCommand,
  complaintsWeeklyReportCommand,
  paymentsAccountAddCommand,
  paymentsExpectCommand,
  statementImportCommand,
  matchCommand,
  invoicesTemplateCommand,
  invoicesImportCommand,
];

function usage(): string {
  return ['Usage: serambi <command> [options]', '', ...COMMANDS.map((c) => `  serambi ${c.usage}`)].join('\n');
}

/** Runs one CLI invocation and returns the exit code (0 ok, 2 bad input, 1 anything else). */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const command = COMMANDS.filter((c) => c.words.every((word, i) => argv[i] === word)).sort(
    (a, b) => b.words.length - a.words.length,
  )[0];
  if (!command) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
      io.out(usage());
      return 0;
    }
    io.err(`unknown command: ${argv.join(' ')}\n${usage()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv.slice(command.words.length),
      options: { ...COMMON, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(`Usage: serambi ${command.usage}`);
      return 0;
    }
    return await command.run({ values: values as Record<string, string | boolean | undefined>, positionals, io });
  } catch (error) {
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const shown = parseError ? new UsageError((error as Error).message) : error;
    io.err(errorLine(cliLocale(io.env), shown).split('\n')[0]!);
    return exitCodeFor(shown);
  }
}

function defaultIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
}
