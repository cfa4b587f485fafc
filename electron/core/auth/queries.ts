import type { UserView } from '../../../shared/api/schemas';
import type { Role } from '../../../shared/domain/roles';
import { prepared, type Db } from '../ledger/sql';

export interface UserRecord extends UserView {
  passwordHash: string;
  failedAttempts: number;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: number | null;
  locale: 'id' | 'en';
  created_at: number;
  roles: string | null;
}

const SELECT_USER = `SELECT u.*, (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles FROM users u`;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles ? (row.roles.split(',').sort() as Role[]) : [],
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    locale: row.locale,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
  };
}

export function toUserView(user: UserRecord): UserView {
  const { passwordHash: _hash, failedAttempts: _failed, ...view } = user;
  return view;
}

export function findUserByName(db: Db, username: string): UserRecord | null {
  const row = prepared<[string], UserRow>(db, `${SELECT_USER} WHERE u.username = ?`).get(username);
  return row ? toUser(row) : null;
}

export function findUserById(db: Db, id: string): UserRecord | null {
  const row = prepared<[string], UserRow>(db, `${SELECT_USER} WHERE u.id = ?`).get(id);
  return row ? toUser(row) : null;
}

export function listUsers(db: Db): UserRecord[] {
  return prepared<[], UserRow>(db, `${SELECT_USER} ORDER BY u.username`).all().map(toUser);
}

export function countActiveAdmins(db: Db): number {
  const row = prepared<[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.disabled = 0`,
  ).get();
  return row?.n ?? 0;
}

export function insertUser(
  db: Db,
  user: { id: string; username: string; displayName: string; passwordHash: string; locale: string; at: number },
): void {
  prepared(
    db,
    `INSERT INTO users (id, username, display_name, password_hash, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(user.id, user.username, user.displayName, user.passwordHash, user.locale, user.at, user.at);
}

export function replaceRoles(db: Db, userId: string, roles: readonly Role[]): void {
  prepared(db, `DELETE FROM user_roles WHERE user_id = ?`).run(userId);
  const insert = prepared(db, `INSERT INTO user_roles (user_id, role) VALUES (?, ?)`);
  for (const role of new Set(roles)) insert.run(userId, role);
}

export function updateUserFields(
  db: Db,
  id: string,
  at: number,
  fields: {
    displayName?: string;
    passwordHash?: string;
    disabled?: boolean;
    failedAttempts?: number;
    lockedUntil?: number | null;
    locale?: string;
  },
): void {
  // One statement with COALESCE-style flags keeps the SQL fixed (and prepared once) whatever is set.
  prepared(
    db,
    `UPDATE users SET
       display_name = CASE WHEN @setName THEN @displayName ELSE display_name END,
       password_hash = CASE WHEN @setHash THEN @passwordHash ELSE password_hash END,
       disabled = CASE WHEN @setDisabled THEN @disabled ELSE disabled END,
       failed_attempts = CASE WHEN @setFailed THEN @failedAttempts ELSE failed_attempts END,
       locked_until = CASE WHEN @setLocked THEN @lockedUntil ELSE locked_until END,
       locale = CASE WHEN @setLocale THEN @locale ELSE locale END,
       updated_at = @at
     WHERE id = @id`,
  ).run({
    id,
    at,
    setName: fields.displayName !== undefined ? 1 : 0,
    displayName: fields.displayName ?? null,
    setHash: fields.passwordHash !== undefined ? 1 : 0,
    passwordHash: fields.passwordHash ?? null,
    setDisabled: fields.disabled !== undefined ? 1 : 0,
    disabled: fields.disabled === undefined ? null : fields.disabled ? 1 : 0,
    setFailed: fields.failedAttempts !== undefined ? 1 : 0,
    failedAttempts: fields.failedAttempts ?? null,
    setLocked: fields.lockedUntil !== undefined ? 1 : 0,
    lockedUntil: fields.lockedUntil ?? null,
    setLocale: fields.locale !== undefined ? 1 : 0,
    locale: fields.locale ?? null,
  });
}
