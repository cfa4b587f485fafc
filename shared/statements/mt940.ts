import { parseRupiahSen } from '../domain/money';
import type { ParsedMutation, RowProblem } from './types';

// SWIFT MT940 as Indonesian banks export it: :25: the account, :60F: opening balance, one :61:
// per transaction (YYMMDD value date, optional MMDD entry date, C/D/RC/RD mark, amount with a
// decimal comma, transaction type, the account owner's reference and after // the bank's) with its
// :86: description on the lines after, and :62F: the closing balance. A file without its closing
// balance was cut short.

export interface Mt940Result {
  accountNumber: string | null;
  period: { from: string; to: string } | null;
  mutations: ParsedMutation[];
  errors: RowProblem[];
  complete: boolean;
}

const LINE_61 = /^:61:(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|C|D)[A-Z]?([\d,]+)(?:[A-Z]\w{3})?(.*)$/;

export function isMt940(text: string): boolean {
  return /^:20:/m.test(text) && /^:61:/m.test(text) && /^:25:/m.test(text);
}

export function readMt940(text: string): Mt940Result {
  const lines = text.split(/\r?\n/);
  const out: Mt940Result = { accountNumber: null, period: null, mutations: [], errors: [], complete: false };
  let current: ParsedMutation | null = null;
  let inDescription = false;
  const days: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    const number = i + 1;
    if (line.startsWith(':25:')) out.accountNumber = line.slice(4).replace(/\D/g, '') || null;
    if (/^:62[FM]:/.test(line)) out.complete = true;
    if (line.startsWith(':61:')) {
      inDescription = false;
      const m = LINE_61.exec(line);
      // SWIFT's decimal comma is mandatory, the decimals are not: `50009,` is 50009
      const amount = m ? parseRupiahSen(m[6]!.replace(/,$/, ''), { decimalSeparator: ',' }) : null;
      if (!m || !amount?.ok) {
        out.errors.push({ row: number, key: m ? 'statements.errors.amount' : 'statements.errors.date', params: { value: line.slice(4, 20) } });
        current = null;
        return;
      }
      const date = `20${m[1]}-${m[2]}-${m[3]}`;
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > 31) {
        out.errors.push({ row: number, key: 'statements.errors.date', params: { value: `${m[1]}${m[2]}${m[3]}` } });
        current = null;
        return;
      }
      // the account owner's reference (NONREF when there is none), then after // the bank's own
      const [owner, bank] = (m[7] ?? '').split('//').map((part) => part.trim() || null) as [string | null, string | null | undefined];
      const parts = [owner === 'NONREF' ? null : owner, bank === owner ? null : bank].filter((part): part is string => Boolean(part));
      // RC reverses a credit (money out), RD reverses a debit (money in)
      const direction = m[5] === 'C' || m[5] === 'RD' ? 'CR' : 'DB';
      current = { line: number, date, time: null, direction, amountSen: amount.sen, description: '', reference: parts.join(' / ') || null, keyReference: owner, balanceSen: null };
      out.mutations.push(current);
      days.push(date);
      return;
    }
    if (line.startsWith(':86:')) {
      inDescription = true;
      if (current) current.description = line.slice(4).trim();
      return;
    }
    if (line.startsWith(':') || line.startsWith('-')) {
      inDescription = false;
      return;
    }
    if (inDescription && current && line.trim()) current.description = `${current.description} ${line.trim()}`.trim();
  });
  if (days.length) out.period = { from: days.reduce((a, b) => (a < b ? a : b)), to: days.reduce((a, b) => (a > b ? a : b)) };
  return out;
}
