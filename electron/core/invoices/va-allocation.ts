import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { formatVa, type VaConfig } from '../../../shared/invoices/va';
import { prepared, type Db } from '../ledger/sql';

// VA numbers are given at import, offline, without asking head office. A VA is
//
//   prefix (4) + branch VA code (4) + desk block (3) + desk sequence (7) + Luhn check digit (1)
//
// 19 digits, inside the 20 mobile banking takes. The desk block and the desk sequence together are
// va.ts's sequence field (10 digits), so formatVa/parseVa apply unchanged. Why a desk block: the
// branch's desks import batches independently, and two of them counting one branch-wide sequence
// would give the same numbers before they sync. Each desk instead counts in its own block of ten
// million numbers.
//
// - The prefix and the branch VA code are the branch's setting (invoices.configureVa, Kasie or
//   Kacab): the bank assigns each branch its code, which keeps branches apart by construction.
//   Until it is entered, the code is derived from the branch code (4 digits of its SHA-256), which
//   keeps branches apart in all but rare cases and is shown as derived so it gets replaced.
// - The desk block is derived from the device id (the desk's journal identity, made at the first
//   open of the ledger and known offline), then moved past every block another device of the branch
//   is already known (through sync) to hold. The block a desk uses travels with every invoice it
//   adds (vaDesk), so the other desks learn it and avoid it.
// - The sequence continues from the highest the block has issued; deleted invoices keep their rows,
//   so a VA is never issued twice by one desk, and the ledger's unique index on the VA refuses a
//   duplicate outright should two desks that never synced still meet in one block.
export const DEFAULT_VA_CONFIG: VaConfig = { prefix: '8808', branchDigits: 4, sequenceDigits: 10, checkDigit: 'luhn' };
export const DESK_BLOCKS = 1000;
export const DESK_SEQUENCE_SPAN = 10_000_000;

function hashNumber(text: string, modulo: number): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % modulo;
}

/** The branch's VA code: `branchDigits` digits derived from the branch code. */
export function branchVaCode(branchCode: string, config: VaConfig = DEFAULT_VA_CONFIG): string {
  return String(hashNumber(`serambi-va-branch:${branchCode.toUpperCase()}`, 10 ** config.branchDigits)).padStart(config.branchDigits, '0');
}

/** The block a device prefers, before blocks other devices hold are skipped. */
export function preferredDeskBlock(deviceId: string): number {
  return hashNumber(`serambi-va-desk:${deviceId}`, DESK_BLOCKS);
}

/** The first block from `preferred` on (wrapping) that no other device holds. */
export function freeDeskBlock(preferred: number, heldByOthers: ReadonlySet<number>): number {
  for (let i = 0; i < DESK_BLOCKS; i += 1) {
    const block = (preferred + i) % DESK_BLOCKS;
    if (!heldByOthers.has(block)) return block;
  }
  throw new ApiError('conflict', 'invoices.errors.vaExhausted');
}

/** This desk's block: the one it already uses, else a free one from its preferred block. */
export function deskBlock(db: Db, deviceId: string): number {
  const own = prepared<[string], { block: number }>(db, `SELECT block FROM inv_va_desks WHERE device_id = ?`).get(deviceId);
  if (own) return own.block;
  const held = prepared<[], { block: number }>(db, `SELECT block FROM inv_va_desks`).all();
  return freeDeskBlock(preferredDeskBlock(deviceId), new Set(held.map((h) => h.block)));
}

export interface VaSetting {
  config: VaConfig;
  branchVaCode: string;
  derived: boolean;
}

/** The branch's VA setting as configured, else the defaults with a derived branch code. */
export function vaSetting(db: Db, branchCode: string): VaSetting {
  const row = prepared<[], { prefix: string; branch_va_code: string | null; check_digit: 'luhn' | 'none' }>(
    db,
    `SELECT prefix, branch_va_code, check_digit FROM inv_va_config WHERE id = 1`,
  ).get();
  const config = row ? { ...DEFAULT_VA_CONFIG, prefix: row.prefix, checkDigit: row.check_digit } : DEFAULT_VA_CONFIG;
  const configured = row?.branch_va_code ?? null;
  return { config, branchVaCode: configured ?? branchVaCode(branchCode, config), derived: configured === null };
}

export interface VaAllocator {
  block: number;
  /** the next VA and the desk sequence it was made of */
  next(): { va: string; seq: number };
}

/** Hands out this desk's next VAs, in one transaction (the caller's). */
export function vaAllocator(db: Db, deviceId: string, branchCode: string): VaAllocator {
  const { config, branchVaCode: code } = vaSetting(db, branchCode);
  const block = deskBlock(db, deviceId);
  // per block, whatever the prefix was: a sequence once given is never given again
  const last = prepared<[number], { seq: number | null }>(db, `SELECT max(va_seq) AS seq FROM inv_invoices WHERE va_desk = ?`).get(block)?.seq ?? 0;
  let seq = last;
  return {
    block,
    next() {
      seq += 1;
      if (seq >= DESK_SEQUENCE_SPAN) throw new ApiError('conflict', 'invoices.errors.vaExhausted');
      return { va: formatVa(config, code, block * DESK_SEQUENCE_SPAN + seq), seq };
    },
  };
}
