import { z } from 'zod';
import {
  MAX_BATCH,
  REJECTION_REASONS,
  type PulledEvent,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type WireEvent,
} from './protocol';

// Hand-written checks of the three big sync messages (a push, its answer, a pull's answer), as
// strict as their zod schemas in protocol.ts and answering the same stripped copy: a batch of a
// thousand events costs zod a few milliseconds on every request and answer. Each check answers
// `undefined` for anything it does not accept; the caller then asks zod, which has the last word
// and the error message. So a check may be stricter than its schema, never looser
// (wire-check.test.ts holds them to that).

// The regular expressions zod's own `.uuid()` and ours use.
const UUID = z.regexes.uuid();
const HEX = /^[0-9a-f]+$/;
const isHash = (v: unknown): boolean => typeof v === 'string' && v.length === 64 && HEX.test(v); // /^[0-9a-f]{64}$/, faster
const STATUSES: ReadonlySet<unknown> = new Set(['accepted', 'duplicate', 'rejected']);
const REASONS: ReadonlySet<unknown> = new Set(REJECTION_REASONS);

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

function hasWireFields(v: Fields): v is Fields & WireEvent {
  const { eventId, deviceId, deviceSeq, userId, username, at, type, payload, prevHash, hash } = v;
  return (
    isString(eventId) && UUID.test(eventId) && isString(deviceId) && UUID.test(deviceId) &&
    isInt(deviceSeq) && deviceSeq >= 1 && isNullableString(userId) && isNullableString(username) && isInt(at) &&
    isString(type) && type.length >= 1 && type.length <= 64 && isString(payload) && payload.length <= 1_000_000 &&
    isHash(prevHash) && isHash(hash)
  );
}

function wireEvent(v: unknown): WireEvent | undefined {
  if (!isObject(v) || !hasWireFields(v)) return undefined;
  const { eventId, deviceId, deviceSeq, userId, username, at, type, payload, prevHash, hash } = v;
  return { eventId, deviceId, deviceSeq, userId, username, at, type, payload, prevHash, hash };
}

function pulledEvent(v: unknown): PulledEvent | undefined {
  if (!isObject(v) || !hasWireFields(v) || !isInt(v.cursor)) return undefined;
  const { eventId, deviceId, deviceSeq, userId, username, at, type, payload, prevHash, hash, cursor } = v;
  return { eventId, deviceId, deviceSeq, userId, username, at, type, payload, prevHash, hash, cursor };
}

function pushResult(v: unknown): PushResult | undefined {
  if (!isObject(v)) return undefined;
  const { eventId, deviceSeq, status, reason, detail } = v;
  if (!isString(eventId) || !isInt(deviceSeq) || !STATUSES.has(status)) return undefined;
  if ((reason !== undefined && !REASONS.has(reason)) || (detail !== undefined && !isString(detail))) return undefined;
  const result: PushResult = { eventId, deviceSeq, status: status as PushResult['status'] };
  // A key present with no value stays present, as zod keeps it (only a caller in-process can send one).
  if (reason !== undefined || Object.hasOwn(v, 'reason')) result.reason = reason as PushResult['reason'];
  if (detail !== undefined || Object.hasOwn(v, 'detail')) result.detail = detail as PushResult['detail'];
  return result;
}

function each<T>(v: unknown, check: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) {
    const item = check(v[i]);
    if (item === undefined) return undefined;
    out[i] = item;
  }
  return out;
}

/** `pushRequest`, checked by hand. */
export function checkPushRequest(v: unknown): { epoch: string; events: WireEvent[] } | undefined {
  if (!isObject(v) || !isString(v.epoch) || !Array.isArray(v.events) || v.events.length < 1 || v.events.length > MAX_BATCH) return undefined;
  const events = each(v.events, wireEvent);
  return events && { epoch: v.epoch, events };
}

/** `pushResponse`, checked by hand. */
export function checkPushResponse(v: unknown): PushResponse | undefined {
  if (!isObject(v) || !isString(v.epoch) || !isInt(v.highWaterMark)) return undefined;
  const results = each(v.results, pushResult);
  return results && { epoch: v.epoch, highWaterMark: v.highWaterMark, results };
}

/** `pullResponse`, checked by hand. */
export function checkPullResponse(v: unknown): PullResponse | undefined {
  if (!isObject(v) || !isString(v.epoch) || !isInt(v.nextCursor) || !isInt(v.headCursor) || !isInt(v.highWaterMark)) return undefined;
  const events = each(v.events, pulledEvent);
  return events && { epoch: v.epoch, events, nextCursor: v.nextCursor, headCursor: v.headCursor, highWaterMark: v.highWaterMark };
}
