import { oneSpace } from './table';
import type { ParsedMutation } from './types';

// Keys that make re-imports harmless (Actual Budget's lesson, both ways): a re-imported overlapping
// statement adds nothing twice, yet two genuine identical transfers on one day stay two.
// The key is the row's fingerprint (account, day, direction, amount, description, reference,
// balance) plus its occurrence number among identical rows of the same file: the second identical
// transfer of a day is `#2` in every statement that covers that whole day.
// Limit: when the balance is absent and a statement was cut in the middle of a day holding two
// identical transfers, a later full statement still adds only the one the first lacked, which is
// right; but a statement holding only the SECOND of them (never the first) would be read as the
// first. Banks export whole days, and most print the running balance, which tells them apart.

function norm(text: string | null): string {
  return text ? oneSpace(text.toUpperCase()).trim() : '';
}

export function fingerprintOf(accountNumber: string, m: ParsedMutation): string {
  return `${accountNumber}|${m.date}|${m.direction}|${m.amountSen}|${norm(m.description)}|${norm(m.keyReference === undefined ? m.reference : m.keyReference)}|${m.balanceSen ?? ''}`;
}

export function mutationKeys(accountNumber: string, mutations: readonly ParsedMutation[]): string[] {
  const seen = new Map<string, number>();
  return mutations.map((m) => {
    const fingerprint = fingerprintOf(accountNumber, m);
    const n = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, n);
    // bounded length for the index; the description part is what can be long
    const key = `${fingerprint}#${n}`;
    return key.length <= 300 ? key : `${key.slice(0, 280)}~${hash(key)}#${n}`;
  });
}

/** A short, stable digest (FNV-1a, 32 bits, twice) for over-long keys. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x811c9dc5) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
