// Unique codes (seed 003): the customer transfers base + code (Rp 50.000 + 9 = Rp 50.009), and the
// total is all that ties a credit on the statement to its payment. No two OPEN expected payments to
// one account may share a total, across every branch, also while a branch is offline.
//
// Head office leases each desk blocks of RESIDUES of the total modulo 1000, per account. Two desks
// never hold the same block, so their totals differ in the last three digits and can never be
// equal; a desk checks only its own open payments. For a base amount, the code for residue r is
// (r - base) mod 1000, which must be 1..999: every residue but base's own is reachable.

export const CODE_BLOCK_SIZE = 50;
export const CODE_BLOCKS = 1000 / CODE_BLOCK_SIZE;
/** A desk not enrolled to head office is the only one giving codes for its accounts. */
export const ALL_BLOCKS: readonly number[] = Array.from({ length: CODE_BLOCKS }, (_, b) => b);
/** Rp 999.999.999.000: far above a branch transfer, and base + 999 stays an exact integer. */
export const MAX_BASE = 999_999_999_000;

export function residuesOfBlocks(blocks: readonly number[]): number[] {
  return [...new Set(blocks)]
    .filter((b) => Number.isInteger(b) && b >= 0 && b < CODE_BLOCKS)
    .sort((a, b) => a - b)
    .flatMap((b) => Array.from({ length: CODE_BLOCK_SIZE }, (_, i) => b * CODE_BLOCK_SIZE + i));
}

export function totalOf(base: number, code: number): number {
  return base + code;
}

export function isValidBase(base: number): boolean {
  return Number.isSafeInteger(base) && base > 0 && base <= MAX_BASE;
}

/**
 * The smallest code whose total falls in the desk's residues and is not taken by an open payment of
 * the account. Null when every total the desk may give for this base is taken: the desk then needs
 * another block from head office.
 */
export function allocateCode(input: { base: number; blocks: readonly number[]; isTaken: (total: number) => boolean }): { code: number; total: number } | null {
  if (!isValidBase(input.base)) throw new RangeError(`base must be whole rupiah from 1 to ${MAX_BASE}, got ${input.base}`);
  const residues = new Set(residuesOfBlocks(input.blocks));
  if (residues.size === 0) return null;
  const own = input.base % 1000;
  for (let code = 1; code <= 999; code += 1) {
    const residue = (own + code) % 1000;
    if (!residues.has(residue)) continue;
    const total = totalOf(input.base, code);
    if (!input.isTaken(total)) return { code, total };
  }
  return null;
}

/**
 * Head office's choice of blocks for a desk: blocks nobody holds first, lowest first; never a block
 * another desk holds. Fewer than `want` (or none) when the account's blocks are all held.
 */
export function chooseBlocks(leased: ReadonlyMap<number, string>, holder: string, want: number): number[] {
  const free = ALL_BLOCKS.filter((b) => !leased.has(b) || leased.get(b) === holder);
  return free.filter((b) => leased.get(b) !== holder).slice(0, Math.max(0, want));
}

// Leases. A desk holds LEASE_BLOCKS blocks per account for LEASE_MS, renewed by every sync round
// once less than RENEW_BEFORE_MS is left, so a desk offline for days still gives codes. A payment
// stays open at most MAX_PAYMENT_MS; a block whose lease ended goes to another desk only after
// that (plus a day for the desk's clock), when nothing the old holder gave from it can be open.

const DAY = 86_400_000;
export const LEASE_BLOCKS = 2;
export const LEASE_MS = 14 * DAY;
export const RENEW_BEFORE_MS = 10 * DAY;
export const MAX_PAYMENT_MS = 30 * DAY;
export const REUSE_AFTER_MS = MAX_PAYMENT_MS + DAY;

export interface BlockHolder {
  deviceId: string;
  expiresAt: number;
}

/** True when `deviceId` may hold `block` now: nobody holds it, the desk does, or the last holder's payments are all over. */
export function blockFreeFor(holders: ReadonlyMap<number, BlockHolder>, block: number, deviceId: string, now: number): boolean {
  const holder = holders.get(block);
  return !holder || holder.deviceId === deviceId || holder.expiresAt + REUSE_AFTER_MS <= now;
}

/**
 * What head office leases a desk for one account on a sync round: its own blocks renewed, topped
 * up to `want` with free ones. Null when nothing needs saying (enough blocks, lease far from its
 * end) or when no block is free for a desk that holds none.
 */
export function planLease(
  holders: ReadonlyMap<number, BlockHolder>,
  deviceId: string,
  now: number,
  want = LEASE_BLOCKS,
): { blocks: number[]; expiresAt: number } | null {
  const own = [...holders].filter(([, h]) => h.deviceId === deviceId);
  const busy = new Map<number, string>();
  for (const b of ALL_BLOCKS) if (!blockFreeFor(holders, b, deviceId, now)) busy.set(b, holders.get(b)!.deviceId);
  // its own blocks are renewed below, not chosen again as extra ones
  for (const [b] of own) busy.set(b, deviceId);
  const extra = chooseBlocks(busy, deviceId, want - own.length);
  const fresh = own.every(([, h]) => h.expiresAt - now >= RENEW_BEFORE_MS);
  if (extra.length === 0 && (own.length === 0 || fresh)) return null;
  return { blocks: [...own.map(([b]) => b), ...extra].sort((a, b) => a - b), expiresAt: now + LEASE_MS };
}
