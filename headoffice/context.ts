import type { HoDatabase } from './db/database';

export interface HeadofficeContext {
  db: HoDatabase;
  epoch: string;
  clock: () => number;
  /** sha256 of the admin token; the admin API refuses everything when unset. */
  adminTokenHash: string | null;
  /** log2 of scrypt's N for users made at head office; tests lower it. */
  passwordCost?: number;
}
