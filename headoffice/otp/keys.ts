import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { sha256 } from '../crypto';
import type { HoDatabase } from '../db/database';

/**
 * The key of the codes' HMAC. A 6-digit code has only a million values, so a plain hash of it is
 * reversed in a second; keyed, the stored hashes say nothing without the key. SERAMBI_OTP_KEY
 * keeps the key out of the database (a stolen backup then holds no usable hash); without it a
 * key is made once and kept in ho_meta, which still protects against anything that reads the
 * code table alone (logs, exports, the admin API).
 */
export async function loadOtpKey(db: HoDatabase, env: Record<string, string | undefined>): Promise<Buffer> {
  const fromEnv = env.SERAMBI_OTP_KEY?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('SERAMBI_OTP_KEY must be at least 32 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const [row] = await db.read<{ value: string }>(`SELECT value FROM ho_meta WHERE key = 'otp_key'`);
  if (row) return Buffer.from(row.value, 'base64url');
  const made = randomBytes(32).toString('base64url');
  // Two processes starting at once keep whichever key was written first.
  await db.write(async (sql) => {
    const found = await sql(`SELECT value FROM ho_meta WHERE key = 'otp_key'`);
    if (found.length === 0) await sql(`INSERT INTO ho_meta (key, value) VALUES ('otp_key', ?)`, [made]);
  });
  const [stored] = await db.read<{ value: string }>(`SELECT value FROM ho_meta WHERE key = 'otp_key'`);
  return Buffer.from(stored!.value, 'base64url');
}

/** Six digits from the CSPRNG, leading zeros kept (randomInt is uniform, no modulo bias). */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The stored form of a code: bound to its application, so a hash copied to another application's
 * row does not match there.
 */
export const codeHash = (key: Buffer, applicationId: string, code: string): string =>
  createHmac('sha256', key).update(`${applicationId}:${code}`).digest('hex');

/** The customer-page token has 256 random bits, so a plain SHA-256 is enough to store it. */
export const tokenHash = (token: string): string => sha256(token);
