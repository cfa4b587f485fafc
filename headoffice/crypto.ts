import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One-shot hashing: about twice as fast as createHash() for short texts such as an event's. */
export const sha256 = (text: string): string => hash('sha256', text, 'hex');

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Constant-time comparison of two hex digests (a mismatch in length is itself a mismatch). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * A signed webhook's header (`<hex>` or `sha256=<hex>`) against the HMAC-SHA256 of the exact bytes
 * of the body under `secret`, in constant time. No secret or no header is a mismatch.
 */
export function hmacSignatureMatches(secret: string | null, raw: Buffer, header: string | undefined): boolean {
  const given = /^(?:sha256=)?([0-9a-f]{64})$/i.exec((header ?? '').trim())?.[1]?.toLowerCase();
  if (!secret || !given) return false;
  return sameDigest(createHmac('sha256', secret).update(raw).digest('hex'), given);
}

/**
 * Enrollment codes are read aloud or typed by branch IT: 12 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), shown in groups of four. 60 bits from a CSPRNG, single use, 24 h.
 */
export function newEnrollCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += alphabet[byte % alphabet.length];
  return code.match(/.{4}/g)!.join('-');
}

export const normalizeEnrollCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/(.{4})(?=.)/g, '$1-');
