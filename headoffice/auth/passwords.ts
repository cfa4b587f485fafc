import { randomBytes, scrypt } from 'node:crypto';

// Head office hashes the passwords of users it creates in the same stored format the desks
// verify (`scrypt$logN$r$p$salt$key`, base64url), so such a user logs in at a branch offline.
const LOG_N = 17;

export function hashPassword(password: string, logN = LOG_N): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 2 ** logN * 8 + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')),
    ),
  );
}
