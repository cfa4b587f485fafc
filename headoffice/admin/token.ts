import { randomToken, sha256 } from '../crypto';
import type { HoDatabase } from '../db/database';

export async function storedAdminTokenHash(db: HoDatabase): Promise<string | null> {
  const [row] = await db.read<{ value: string }>(`SELECT value FROM ho_meta WHERE key = 'admin_token_hash'`);
  return row?.value ?? null;
}

/**
 * The admin token of head office's API and page is given by SERAMBI_HO_ADMIN_TOKEN, or made at
 * first start and shown once; only its hash is stored. Rotating makes a new one.
 */
export async function rotateAdminToken(db: HoDatabase): Promise<string> {
  const token = randomToken(24);
  await db.write(async (sql) => {
    await sql(`DELETE FROM ho_meta WHERE key = 'admin_token_hash'`);
    await sql(`INSERT INTO ho_meta (key, value) VALUES ('admin_token_hash', ?)`, [sha256(token)]);
  });
  return token;
}
