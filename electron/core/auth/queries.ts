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

const USER_COLUMNS = {
  displayName: 'display_name',
  passwordHash: 'password_hash',
  disabled: 'disabled',
  failedAttempts: 'failed_attempts',
  lockedUntil: 'locked_until',
  locale: 'locale',
} as const;

type UserFields = {
  displayName?: string;
  passwordHash?: string;
  disabled?: boolean;
  failedAttempts?: number;
  lockedUntil?: number | null;
  locale?: string;
};

/** Updates only the given fields; the SQL is built from the fixed column map, one prepared statement per combination. */
export function updateUserFields(db: Db, id: string, at: number, fields: UserFields): void {
  const keys = (Object.keys(USER_COLUMNS) as (keyof UserFields)[]).filter((k) => fields[k] !== undefined);
  const values = keys.map((k) => (k === 'disabled' ? (fields.disabled ? 1 : 0) : fields[k]));
  const assignments = keys.map((k) => `${USER_COLUMNS[k]} = ?`).join(', ');
  prepared(db, `UPDATE users SET ${assignments ? `${assignments}, ` : ''}updated_at = ? WHERE id = ?`).run(...values, at, id);
}
