import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pullResponse, pushRequest, pushResponse, REJECTION_REASONS } from './protocol';
import { checkPullResponse, checkPushRequest, checkPushResponse } from './wire-check';

// The hand-written checks may refuse more than zod (zod then decides), never less, and what they
// accept they answer exactly as zod would.

const randomUUID = () => crypto.randomUUID();
/** 64 lowercase hex digits, different for each text (a stand-in for a SHA-256 digest). */
const hex64 = (text: string) => Array.from({ length: 64 }, (_, k) => ((text.charCodeAt(k % text.length) * (k + 3)) % 16).toString(16)).join('');

const event = (i: number) => ({
  eventId: randomUUID(),
  deviceId: randomUUID(),
  deviceSeq: i + 1,
  userId: i % 2 ? null : randomUUID(),
  username: i % 3 ? 'admin' : null,
  at: 1_795_230_000_000 + i,
  type: 'user.localeSet',
  payload: JSON.stringify({ locale: 'id', i }),
  prevHash: hex64(`p${i}`),
  hash: hex64(`h${i}`),
});

/** Values a field may be swapped for: right and wrong types, edge numbers, near-miss strings. */
const oddValue = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -0, 1, -1, 1.5, 2 ** 53, Number.NaN, Infinity, '', 'x'.repeat(65), {}, [], 'ABC'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(randomUUID(), randomUUID().toUpperCase(), '00000000-0000-0000-0000-000000000000', hex64('x'), hex64('y').toUpperCase()),
  fc.constantFrom('accepted', 'duplicate', 'rejected', 'weird', ...REJECTION_REASONS),
);

/** Takes a valid message and, perhaps, breaks one field of it somewhere (or adds one). */
function mutated<T extends Record<string, unknown>>(valid: T, arrayKey: string) {
  return fc.record({ top: fc.boolean(), index: fc.nat(), key: fc.string({ maxLength: 12 }), known: fc.boolean(), value: oddValue, change: fc.boolean() }).map((m) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    if (!m.change) return copy;
    const items = copy[arrayKey] as Record<string, unknown>[];
    const target = m.top || items.length === 0 ? copy : items[m.index % items.length]!;
    const keys = Object.keys(target);
    target[m.known ? keys[m.index % keys.length]! : m.key] = m.value;
    return copy;
  });
}

function agreesWithZod(check: (v: unknown) => unknown, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }) {
  return (value: unknown) => {
    const quick = check(value);
    if (quick === undefined) return;
    const zod = schema.safeParse(value);
    expect(zod.success).toBe(true);
    expect(quick).toStrictEqual(zod.data);
  };
}

describe('hand-written checks of the sync messages', () => {
  const events = Array.from({ length: 5 }, (_, i) => event(i));
  const push = { epoch: 'e1', events };
  const answer = {
    epoch: 'e1',
    highWaterMark: 5,
    results: [
      { eventId: events[0]!.eventId, deviceSeq: 1, status: 'accepted' },
      { eventId: events[1]!.eventId, deviceSeq: 2, status: 'duplicate' },
      { eventId: events[2]!.eventId, deviceSeq: 3, status: 'rejected', reason: 'conflict', detail: 'sync.rejected.usernameTaken' },
    ],
  };
  const pull = { epoch: 'e1', events: events.map((e, i) => ({ ...e, cursor: i + 10 })), nextCursor: 14, headCursor: 20, highWaterMark: 3 };

  it('accept real messages and answer what zod answers', () => {
    for (const [check, schema, value] of [
      [checkPushRequest, pushRequest, push],
      [checkPushResponse, pushResponse, answer],
      [checkPullResponse, pullResponse, pull],
    ] as const) {
      expect(check(value)).toStrictEqual(schema.parse(value));
    }
    // Unknown fields are stripped, as zod strips them.
    expect(checkPushRequest({ ...push, extra: 1, events: [{ ...events[0], branchCode: 'X' }] })).toStrictEqual({ epoch: 'e1', events: [events[0]] });
  });

  it('never accept what zod refuses', () => {
    fc.assert(fc.property(mutated(push, 'events'), agreesWithZod(checkPushRequest, pushRequest)), { numRuns: 3000 });
    fc.assert(fc.property(mutated(answer, 'results'), agreesWithZod(checkPushResponse, pushResponse)), { numRuns: 3000 });
    fc.assert(fc.property(mutated(pull, 'events'), agreesWithZod(checkPullResponse, pullResponse)), { numRuns: 3000 });
    for (const value of [null, [], 'x', { ...push, events: [] }, { ...push, events: Array.from({ length: 1001 }, (_, i) => event(i)) }]) {
      agreesWithZod(checkPushRequest, pushRequest)(value);
    }
  });
});
