import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../tests/support/random';
import {
  ALL_BLOCKS,
  CODE_BLOCKS,
  CODE_BLOCK_SIZE,
  LEASE_BLOCKS,
  LEASE_MS,
  MAX_BASE,
  MAX_PAYMENT_MS,
  RENEW_BEFORE_MS,
  REUSE_AFTER_MS,
  allocateCode,
  blockFreeFor,
  chooseBlocks,
  isValidBase,
  planLease,
  residuesOfBlocks,
  totalOf,
  type BlockHolder,
} from './unique-code';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 21, 3, 0); // 21/11/2026 10:00 WIB

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const none = () => false;
const holdersOf = (entries: [number, BlockHolder][]) => new Map<number, BlockHolder>(entries);

// ---------------------------------------------------------------------------------------------
// arbitraries

/** a set of distinct valid blocks */
const blockSet = (minLength = 0) => fc.uniqueArray(fc.integer({ min: 0, max: CODE_BLOCKS - 1 }), { minLength, maxLength: CODE_BLOCKS });
/** any valid base; small ones often, so that totals of two desks land near each other */
const base = fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 2_000 }).map((k) => k * 1000), fc.integer({ min: 1, max: MAX_BASE }), fc.constant(MAX_BASE));
/** two disjoint block sets, each non-empty */
const twoDesks = fc
  .shuffledSubarray(ALL_BLOCKS as number[], { minLength: 2 })
  .chain((blocks) => fc.tuple(fc.constant(blocks), fc.integer({ min: 1, max: blocks.length - 1 })))
  .map(([blocks, cut]) => [blocks.slice(0, cut), blocks.slice(cut)] as const);

// ---------------------------------------------------------------------------------------------

describe('constants', () => {
  it('blocks cover the residues 0..999 exactly once', () => {
    expect(CODE_BLOCK_SIZE * CODE_BLOCKS).toBe(1000);
    expect(ALL_BLOCKS).toEqual(range(0, CODE_BLOCKS - 1));
    expect(residuesOfBlocks(ALL_BLOCKS)).toEqual(range(0, 999));
  });

  it('MAX_BASE + 999 is still an exact integer', () => {
    expect(Number.isSafeInteger(MAX_BASE + 999)).toBe(true);
    expect(MAX_BASE % 1000).toBe(0);
  });

  it('a block goes to another desk only after every payment of the old lease is over, plus a day', () => {
    expect(REUSE_AFTER_MS).toBe(MAX_PAYMENT_MS + DAY);
    expect(RENEW_BEFORE_MS).toBeLessThan(LEASE_MS);
    expect(LEASE_BLOCKS).toBeGreaterThan(0);
  });
});

describe('totalOf', () => {
  it('is base + code (Rp 50.000 + 9 = Rp 50.009)', () => {
    expect(totalOf(50_000, 9)).toBe(50_009);
    expect(totalOf(MAX_BASE, 999)).toBe(999_999_999_999);
  });
});

describe('residuesOfBlocks', () => {
  it('gives the 50 residues of each block', () => {
    expect(residuesOfBlocks([0])).toEqual(range(0, 49));
    expect(residuesOfBlocks([1])).toEqual(range(50, 99));
    expect(residuesOfBlocks([19])).toEqual(range(950, 999));
  });

  it('sorts blocks and drops duplicates', () => {
    expect(residuesOfBlocks([3, 1, 3])).toEqual([...range(50, 99), ...range(150, 199)]);
  });

  it('ignores what is not a block (negative, beyond the last, fractional, not a number)', () => {
    expect(residuesOfBlocks([-1, CODE_BLOCKS, 1.5, Number.NaN, Infinity])).toEqual([]);
    expect(residuesOfBlocks([-1, 2, 20])).toEqual(range(100, 149));
  });

  it('gives nothing for no blocks', () => {
    expect(residuesOfBlocks([])).toEqual([]);
  });

  it('property: exactly the residues whose block is given, ascending, 50 per block', () => {
    fc.assert(
      fc.property(blockSet(), (blocks) => {
        const given = new Set(blocks);
        expect(residuesOfBlocks(blocks)).toEqual(range(0, 999).filter((r) => given.has(Math.floor(r / CODE_BLOCK_SIZE))));
      }),
    );
  });
});

describe('isValidBase', () => {
  it.each([1, 50_000, 999, 1000, MAX_BASE])('accepts %s', (b) => {
    expect(isValidBase(b)).toBe(true);
  });

  it.each([0, -0, -1, -50_000, 0.5, 50_000.5, MAX_BASE + 1, MAX_BASE + 1000, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, -Infinity])('refuses %s', (b) => {
    expect(isValidBase(b)).toBe(false);
  });
});

describe('allocateCode', () => {
  it('gives the smallest code whose total lies in the desk\'s residues', () => {
    expect(allocateCode({ base: 50_000, blocks: [0], isTaken: none })).toEqual({ code: 1, total: 50_001 });
    // block 2 holds residues 100..149: the first reachable code from 50.000 is 100
    expect(allocateCode({ base: 50_000, blocks: [2], isTaken: none })).toEqual({ code: 100, total: 50_100 });
    // block 19 holds 950..999
    expect(allocateCode({ base: 50_000, blocks: [19], isTaken: none })).toEqual({ code: 950, total: 50_950 });
  });

  it('skips totals already taken: Rp 50.000 with codes 1..8 open gives code 9 (Rp 50.009)', () => {
    const open = new Set(range(50_001, 50_008));
    expect(allocateCode({ base: 50_000, blocks: [0], isTaken: (t) => open.has(t) })).toEqual({ code: 9, total: 50_009 });
  });

  it('wraps round the thousand: residues below the base\'s own are reached with large codes', () => {
    // base 50.049 has residue 49; block 0 (0..49) is reachable only through 51.000..51.048
    expect(allocateCode({ base: 50_049, blocks: [0], isTaken: none })).toEqual({ code: 951, total: 51_000 });
    expect(allocateCode({ base: 50_999, blocks: [0], isTaken: none })).toEqual({ code: 1, total: 51_000 });
    expect(allocateCode({ base: 1, blocks: [0], isTaken: none })).toEqual({ code: 1, total: 2 });
  });

  it('never gives code 0 or 1000: the base\'s own residue is unreachable', () => {
    // base 50.000 in block 0: residue 0 would need code 0 or 1000
    const asked: number[] = [];
    const result = allocateCode({ base: 50_000, blocks: [0], isTaken: (t) => (asked.push(t), true) });
    expect(result).toBeNull();
    expect(asked).toEqual(range(50_001, 50_049));
  });

  it('is null when every reachable total is taken, and finds the last one free', () => {
    const reachable = range(50_001, 50_049);
    expect(allocateCode({ base: 50_000, blocks: [0], isTaken: (t) => reachable.includes(t) })).toBeNull();
    expect(allocateCode({ base: 50_000, blocks: [0], isTaken: (t) => t !== 50_049 })).toEqual({ code: 49, total: 50_049 });
    // with every block, 999 totals and no more
    expect(allocateCode({ base: 50_000, blocks: ALL_BLOCKS, isTaken: (t) => t > 50_000 && t < 51_000 })).toBeNull();
    expect(allocateCode({ base: 50_000, blocks: ALL_BLOCKS, isTaken: (t) => t !== 50_999 })).toEqual({ code: 999, total: 50_999 });
  });

  it('is null for a desk without blocks (or with none that is valid)', () => {
    expect(allocateCode({ base: 50_000, blocks: [], isTaken: none })).toBeNull();
    expect(allocateCode({ base: 50_000, blocks: [-1, 20, 2.5], isTaken: none })).toBeNull();
  });

  it('takes a total of another account or of a closed payment again (isTaken decides)', () => {
    // isTaken says what is open on this account; a total it does not report is free
    expect(allocateCode({ base: 50_000, blocks: [0], isTaken: (t) => t === 50_002 })).toEqual({ code: 1, total: 50_001 });
  });

  it.each([0, -1, -50_000, 0.5, 50_000.25, MAX_BASE + 1, Number.NaN, Infinity])('throws RangeError for base %s', (b) => {
    expect(() => allocateCode({ base: b, blocks: ALL_BLOCKS, isTaken: none })).toThrow(RangeError);
    expect(() => allocateCode({ base: b, blocks: [], isTaken: none })).toThrow(RangeError);
  });

  it('accepts the largest base', () => {
    expect(allocateCode({ base: MAX_BASE, blocks: [19], isTaken: none })).toEqual({ code: 950, total: MAX_BASE + 950 });
  });

  it('property: never a taken total; code 1..999; total = base + code, in the desk\'s residues; the smallest such code', () => {
    fc.assert(
      fc.property(blockSet(), base, fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 999 }), (blocks, b, takenCodes) => {
        const taken = new Set(takenCodes.map((c) => b + c));
        const residues = new Set(residuesOfBlocks(blocks));
        const result = allocateCode({ base: b, blocks, isTaken: (t) => taken.has(t) });
        // the codes a correct allocator may consider, smallest first
        const candidates = range(1, 999).filter((c) => residues.has((b + c) % 1000) && !taken.has(b + c));
        if (result === null) {
          expect(candidates).toEqual([]);
          return;
        }
        expect(Number.isInteger(result.code)).toBe(true);
        expect(result.code).toBeGreaterThanOrEqual(1);
        expect(result.code).toBeLessThanOrEqual(999);
        expect(result.total).toBe(b + result.code);
        expect(taken.has(result.total)).toBe(false);
        expect(residues.has(result.total % 1000)).toBe(true);
        expect(result.code).toBe(candidates[0]);
      }),
    );
  });

  it('property: null exactly when every reachable total is taken', () => {
    fc.assert(
      fc.property(blockSet(1), base, fc.nat(), (blocks, b, pick) => {
        const residues = new Set(residuesOfBlocks(blocks));
        const reachable = range(1, 999)
          .map((c) => b + c)
          .filter((t) => residues.has(t % 1000));
        const all = new Set(reachable);
        expect(allocateCode({ base: b, blocks, isTaken: (t) => all.has(t) })).toBeNull();
        // the block holding the base's own residue alone still reaches its other 49
        expect(reachable.length).toBeGreaterThanOrEqual(blocks.length * CODE_BLOCK_SIZE - 1);
        // one freed total is found, whichever it is
        const freed = reachable[pick % reachable.length]!;
        expect(allocateCode({ base: b, blocks, isTaken: (t) => t !== freed && all.has(t) })).toEqual({ code: freed - b, total: freed });
      }),
    );
  });

  it('property: two desks with disjoint blocks never give the same total, whatever the bases', () => {
    fc.assert(
      fc.property(twoDesks, fc.array(fc.tuple(fc.boolean(), base), { maxLength: 200 }), ([blocksA, blocksB], orders) => {
        // each desk sees only its own open payments
        const openA = new Set<number>();
        const openB = new Set<number>();
        for (const [onA, b] of orders) {
          const [blocks, open] = onA ? [blocksA, openA] : [blocksB, openB];
          const given = allocateCode({ base: b, blocks, isTaken: (t) => open.has(t) });
          if (!given) continue;
          expect(open.has(given.total)).toBe(false);
          open.add(given.total);
        }
        for (const total of openA) expect(openB.has(total)).toBe(false);
      }),
    );
  });

  it('a seeded day at two desks: hundreds of payments of the same few amounts, totals all distinct', () => {
    const random = mulberry32(0x5e4a3b1);
    const desks = [{ blocks: [0, 1], open: new Set<number>() }, { blocks: [2, 3], open: new Set<number>() }];
    const amounts = [50_000, 100_000, 150_000, 50_049, 99_999];
    let refused = 0;
    for (let i = 0; i < 600; i += 1) {
      const desk = desks[Math.floor(random() * desks.length)]!;
      const b = amounts[Math.floor(random() * amounts.length)]!;
      const given = allocateCode({ base: b, blocks: desk.blocks, isTaken: (t) => desk.open.has(t) });
      if (given) desk.open.add(given.total);
      else refused += 1;
    }
    const all = [...desks[0]!.open, ...desks[1]!.open];
    expect(new Set(all).size).toBe(all.length);
    // 2 blocks give at most 100 totals per base, so with 600 payments over 5 bases some were refused
    expect(refused).toBeGreaterThan(0);
    for (const desk of desks) for (const b of amounts) expect([...desk.open].filter((t) => t > b && t < b + 1000).length).toBeLessThanOrEqual(100);
  });
});

describe('chooseBlocks', () => {
  it('gives the lowest blocks nobody holds', () => {
    expect(chooseBlocks(new Map(), 'A', 2)).toEqual([0, 1]);
    expect(chooseBlocks(new Map([[0, 'B'], [2, 'C']]), 'A', 3)).toEqual([1, 3, 4]);
  });

  it('never gives a block another desk holds, nor one the desk already holds', () => {
    const leased = new Map([[0, 'A'], [1, 'B'], [2, 'A'], [3, 'C']]);
    expect(chooseBlocks(leased, 'A', 2)).toEqual([4, 5]);
  });

  it('gives fewer (or none) when the blocks are all held', () => {
    const allButTwo = new Map(ALL_BLOCKS.filter((b) => b !== 7 && b !== 13).map((b) => [b, 'B'] as const));
    expect(chooseBlocks(allButTwo, 'A', 5)).toEqual([7, 13]);
    expect(chooseBlocks(new Map(ALL_BLOCKS.map((b) => [b, 'B'] as const)), 'A', 2)).toEqual([]);
  });

  it('gives nothing when none is wanted', () => {
    expect(chooseBlocks(new Map(), 'A', 0)).toEqual([]);
    expect(chooseBlocks(new Map(), 'A', -3)).toEqual([]);
  });

  it('property: only unheld blocks, distinct, ascending, the lowest ones, at most want', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.integer({ min: 0, max: CODE_BLOCKS - 1 }).map(String), fc.constantFrom('A', 'B', 'C')), fc.integer({ min: -2, max: 25 }), (held, want) => {
        const leased = new Map(Object.entries(held).map(([b, d]) => [Number(b), d] as const));
        const chosen = chooseBlocks(leased, 'A', want);
        const unheld = ALL_BLOCKS.filter((b) => !leased.has(b));
        expect(chosen).toEqual(unheld.slice(0, Math.max(0, want)));
      }),
    );
  });
});

describe('blockFreeFor', () => {
  const holders = holdersOf([
    [0, { deviceId: 'A', expiresAt: NOW + 5 * DAY }],
    [1, { deviceId: 'B', expiresAt: NOW + 5 * DAY }],
    [2, { deviceId: 'B', expiresAt: NOW - REUSE_AFTER_MS }],
    [3, { deviceId: 'B', expiresAt: NOW - REUSE_AFTER_MS + 1 }],
    [4, { deviceId: 'B', expiresAt: NOW - DAY }],
  ]);

  it('is true for a block nobody holds', () => {
    expect(blockFreeFor(holders, 9, 'A', NOW)).toBe(true);
  });

  it('is true for the desk\'s own block, whatever its lease', () => {
    expect(blockFreeFor(holders, 0, 'A', NOW)).toBe(true);
    expect(blockFreeFor(holders, 1, 'B', NOW)).toBe(true);
    expect(blockFreeFor(holders, 2, 'B', NOW)).toBe(true);
  });

  it('is false for another desk\'s block while its lease runs', () => {
    expect(blockFreeFor(holders, 1, 'A', NOW)).toBe(false);
    expect(blockFreeFor(holders, 0, 'B', NOW)).toBe(false);
  });

  it('is false after the lease ended until REUSE_AFTER_MS has passed, then true (boundary included)', () => {
    expect(blockFreeFor(holders, 4, 'A', NOW)).toBe(false);
    expect(blockFreeFor(holders, 3, 'A', NOW)).toBe(false);
    expect(blockFreeFor(holders, 2, 'A', NOW)).toBe(true);
    expect(blockFreeFor(holders, 3, 'A', NOW + 1)).toBe(true);
  });
});

describe('planLease', () => {
  it('gives a new desk the two lowest free blocks for LEASE_MS', () => {
    expect(planLease(new Map(), 'A', NOW)).toEqual({ blocks: [0, 1], expiresAt: NOW + LEASE_MS });
    const taken = holdersOf([[0, { deviceId: 'B', expiresAt: NOW + LEASE_MS }], [1, { deviceId: 'B', expiresAt: NOW + LEASE_MS }]]);
    expect(planLease(taken, 'A', NOW)).toEqual({ blocks: [2, 3], expiresAt: NOW + LEASE_MS });
  });

  it('says nothing while the desk holds enough blocks with more than RENEW_BEFORE_MS left', () => {
    const holders = holdersOf([[4, { deviceId: 'A', expiresAt: NOW + RENEW_BEFORE_MS }], [9, { deviceId: 'A', expiresAt: NOW + LEASE_MS }]]);
    expect(planLease(holders, 'A', NOW)).toBeNull();
  });

  it('renews the desk\'s own blocks once less than RENEW_BEFORE_MS is left', () => {
    const holders = holdersOf([[4, { deviceId: 'A', expiresAt: NOW + RENEW_BEFORE_MS - 1 }], [9, { deviceId: 'A', expiresAt: NOW + LEASE_MS }]]);
    expect(planLease(holders, 'A', NOW)).toEqual({ blocks: [4, 9], expiresAt: NOW + LEASE_MS });
  });

  it('renews a lease that already ended (a desk back after a long time offline), keeping its blocks', () => {
    const holders = holdersOf([[4, { deviceId: 'A', expiresAt: NOW - 40 * DAY }], [9, { deviceId: 'A', expiresAt: NOW - 40 * DAY }]]);
    expect(planLease(holders, 'A', NOW)).toEqual({ blocks: [4, 9], expiresAt: NOW + LEASE_MS });
  });

  it('tops a desk with one block up to two, with a block it does not hold yet', () => {
    // block 0 is the desk's own and the lowest free one: it must not come back as the "new" block
    const lowOwn = holdersOf([[0, { deviceId: 'A', expiresAt: NOW + LEASE_MS }]]);
    expect(planLease(lowOwn, 'A', NOW)).toEqual({ blocks: [0, 1], expiresAt: NOW + LEASE_MS });
    const highOwn = holdersOf([[5, { deviceId: 'A', expiresAt: NOW + LEASE_MS }]]);
    expect(planLease(highOwn, 'A', NOW)).toEqual({ blocks: [0, 5], expiresAt: NOW + LEASE_MS });
  });

  it('once topped up, says nothing on the next round', () => {
    let holders = holdersOf([[0, { deviceId: 'A', expiresAt: NOW + LEASE_MS }]]);
    const plan = planLease(holders, 'A', NOW);
    expect(plan).not.toBeNull();
    holders = new Map([...holders, ...plan!.blocks.map((b) => [b, { deviceId: 'A', expiresAt: plan!.expiresAt }] as const)]);
    expect(planLease(holders, 'A', NOW + 1000)).toBeNull();
  });

  it('never hands out another desk\'s block before its lease ended REUSE_AFTER_MS ago', () => {
    const others = (expiresAt: number) => holdersOf(ALL_BLOCKS.map((b) => [b, { deviceId: b % 2 ? 'B' : 'C', expiresAt }]));
    expect(planLease(others(NOW + LEASE_MS), 'A', NOW)).toBeNull();
    expect(planLease(others(NOW - DAY), 'A', NOW)).toBeNull();
    expect(planLease(others(NOW - REUSE_AFTER_MS + 1), 'A', NOW)).toBeNull();
    expect(planLease(others(NOW - REUSE_AFTER_MS), 'A', NOW)).toEqual({ blocks: [0, 1], expiresAt: NOW + LEASE_MS });
  });

  it('gives the one free block when only one is left, and keeps asking for the second', () => {
    const holders = holdersOf(ALL_BLOCKS.filter((b) => b !== 11).map((b) => [b, { deviceId: 'B', expiresAt: NOW + LEASE_MS }]));
    expect(planLease(holders, 'A', NOW)).toEqual({ blocks: [11], expiresAt: NOW + LEASE_MS });
    const after = new Map(holders).set(11, { deviceId: 'A', expiresAt: NOW + LEASE_MS });
    expect(planLease(after, 'A', NOW)).toBeNull();
  });

  it('honours want', () => {
    expect(planLease(new Map(), 'A', NOW, 3)).toEqual({ blocks: [0, 1, 2], expiresAt: NOW + LEASE_MS });
    const three = holdersOf([0, 1, 2].map((b) => [b, { deviceId: 'A', expiresAt: NOW + LEASE_MS }]));
    expect(planLease(three, 'A', NOW, 2)).toBeNull();
  });

  it('property: the plan is exactly the desk\'s own blocks plus the lowest free ones; null only when nothing is to say', () => {
    const devices = ['A', 'B', 'C'];
    const holder = fc.record({
      deviceId: fc.constantFrom(...devices),
      expiresAt: fc.oneof(
        fc.integer({ min: NOW - REUSE_AFTER_MS - 2 * DAY, max: NOW + LEASE_MS }),
        fc.constantFrom(NOW - REUSE_AFTER_MS, NOW - REUSE_AFTER_MS + 1, NOW + RENEW_BEFORE_MS, NOW + RENEW_BEFORE_MS - 1),
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: CODE_BLOCKS - 1 }), holder), { maxLength: CODE_BLOCKS }), fc.integer({ min: 1, max: 4 }), (entries, want) => {
        const holders = new Map(entries);
        const own = [...holders].filter(([, h]) => h.deviceId === 'A').map(([b]) => b);
        const freeOthers = ALL_BLOCKS.filter((b) => {
          const h = holders.get(b);
          return !h || (h.deviceId !== 'A' && h.expiresAt + REUSE_AFTER_MS <= NOW);
        });
        const stale = [...holders.values()].some((h) => h.deviceId === 'A' && h.expiresAt - NOW < RENEW_BEFORE_MS);
        const extra = freeOthers.slice(0, Math.max(0, want - own.length));

        const plan = planLease(holders, 'A', NOW, want);
        if (extra.length === 0 && !stale) {
          expect(plan).toBeNull();
          return;
        }
        expect(plan).not.toBeNull();
        expect(plan!.expiresAt).toBe(NOW + LEASE_MS);
        expect(plan!.blocks).toEqual([...own, ...extra].sort((a, b) => a - b));
        expect(new Set(plan!.blocks).size).toBe(plan!.blocks.length);
        for (const b of plan!.blocks) {
          const h = holders.get(b);
          // the guarantee: no block of another desk whose payments could still be open
          if (h && h.deviceId !== 'A') expect(h.expiresAt + REUSE_AFTER_MS).toBeLessThanOrEqual(NOW);
          expect(blockFreeFor(holders, b, 'A', NOW)).toBe(true);
        }
      }),
    );
  });

  it('property: desks leasing in turn never take a block that could still have open payments, and each round settles the desk', () => {
    fc.assert(
      // twelve desks want more blocks than there are, so some get fewer and are topped up later
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...'ABCDEFGHIJKL'), fc.integer({ min: 0, max: 10 * DAY }), fc.integer({ min: 1, max: 3 })), { maxLength: 80 }),
        (rounds) => {
          const holders = new Map<number, BlockHolder>();
          let now = NOW;
          for (const [desk, step, want] of rounds) {
            now += step;
            const before = [...holders].filter(([, h]) => h.deviceId === desk).map(([b]) => b);
            const plan = planLease(holders, desk, now, want);
            if (!plan) continue;
            expect(new Set(plan.blocks).size).toBe(plan.blocks.length);
            for (const b of before) expect(plan.blocks).toContain(b);
            for (const b of plan.blocks) {
              expect(blockFreeFor(holders, b, desk, now)).toBe(true);
              holders.set(b, { deviceId: desk, expiresAt: plan.expiresAt });
            }
            // the desk's lease is now fresh and as large as the free blocks allow: nothing more to say
            expect(planLease(holders, desk, now, want)).toBeNull();
          }
        },
      ),
    );
  });
});
