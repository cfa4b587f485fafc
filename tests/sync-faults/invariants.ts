import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LEDGER_FILE } from '../../electron/core/core';
import { verifyChains } from '../../electron/core/ledger/journal';
import { openHoDatabase, parseDatabaseUrl } from '../../headoffice/db/database';
import { ADMIN, planFor } from './workload';

// What must hold once the line is clean and every desk has settled, read straight from the
// databases (head office's, and each desk's ledger file after its process stopped).

export interface UserState {
  username: string;
  display_name: string;
  locale: string;
  disabled: number;
  roles: string;
}

interface EventKey {
  event_id: string;
  device_id: string;
  device_seq: number;
  hash: string;
}

/** Each user's state after a desk's whole plan, as every desk's projection must show it. */
export function expectedUsers(seed: number, steps: number): UserState[] {
  const users = new Map<string, UserState>([
    [ADMIN.username, { username: ADMIN.username, display_name: ADMIN.displayName, locale: 'id', disabled: 0, roles: 'admin' }],
  ]);
  const rolesText = (roles: readonly string[]) => [...new Set(roles)].sort().join(',');
  for (let desk = 0; desk < 3; desk++) {
    for (const step of planFor(seed, desk, steps)) {
      if (step.kind === 'create') {
        users.set(step.username, { username: step.username, display_name: step.displayName, locale: 'id', disabled: 0, roles: rolesText(step.roles) });
        continue;
      }
      const user = users.get(step.username)!;
      if (step.kind === 'rename') user.display_name = step.displayName;
      else if (step.kind === 'roles') user.roles = rolesText(step.roles);
      else if (step.kind === 'locale') user.locale = step.locale;
      else user.disabled = step.disabled ? 1 : 0;
    }
  }
  return [...users.values()].sort((a, b) => a.username.localeCompare(b.username));
}

export interface DeskFacts {
  deviceId: string;
  own: EventKey[];
  others: Map<string, string[]>;
  duplicateEventIds: number;
  users: UserState[];
  chains: ReturnType<typeof verifyChains>;
  pushedUpto: number;
  halted: string | null;
  conflicts: unknown[];
}

export function readDesk(dataDir: string, deviceId: string): DeskFacts {
  const db = new Database(join(dataDir, LEDGER_FILE));
  try {
    const own = db.prepare(`SELECT event_id, device_id, device_seq, hash FROM journal WHERE device_id = ? ORDER BY device_seq`).all(deviceId) as EventKey[];
    const others = new Map<string, string[]>();
    for (const row of db.prepare(`SELECT device_id, event_id FROM journal WHERE device_id <> ? ORDER BY device_id, device_seq`).all(deviceId) as EventKey[]) {
      others.set(row.device_id, [...(others.get(row.device_id) ?? []), row.event_id]);
    }
    const { n } = db.prepare(`SELECT count(*) - count(DISTINCT event_id) AS n FROM journal`).get() as { n: number };
    const users = db
      .prepare(
        `SELECT u.username, u.display_name, u.locale, u.disabled,
           coalesce((SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role)), '') AS roles
         FROM users u ORDER BY u.username`,
      )
      .all() as UserState[];
    const state = db.prepare(`SELECT pushed_upto, halted_key FROM sync_state`).get() as { pushed_upto: number; halted_key: string | null };
    return {
      deviceId,
      own,
      others,
      duplicateEventIds: n,
      users: users.sort((a, b) => a.username.localeCompare(b.username)),
      chains: verifyChains(db),
      pushedUpto: state.pushed_upto,
      halted: state.halted_key,
      conflicts: db.prepare(`SELECT * FROM sync_conflicts`).all(),
    };
  } finally {
    db.close();
  }
}

export interface HeadofficeFacts {
  events: Map<string, EventKey[]>;
  duplicates: unknown[];
  rejections: unknown[];
  marks: Map<string, number>;
}

export async function readHeadoffice(databaseUrl: string): Promise<HeadofficeFacts> {
  const db = await openHoDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const rows = await db.read<EventKey>(`SELECT event_id, device_id, device_seq, hash FROM events ORDER BY device_id, device_seq`);
    const events = new Map<string, EventKey[]>();
    for (const row of rows) events.set(row.device_id, [...(events.get(row.device_id) ?? []), { ...row, device_seq: Number(row.device_seq) }]);
    const duplicates = [
      ...(await db.read(`SELECT device_id, device_seq, count(*) AS n FROM events GROUP BY device_id, device_seq HAVING count(*) > 1`)),
      ...(await db.read(`SELECT event_id, count(*) AS n FROM events GROUP BY event_id HAVING count(*) > 1`)),
    ];
    const rejections = await db.read(`SELECT * FROM rejections`);
    const marks = new Map(
      (await db.read<{ id: string; high_water_mark: number }>(`SELECT id, high_water_mark FROM devices`)).map((r) => [r.id, Number(r.high_water_mark)]),
    );
    return { events, duplicates, rejections, marks };
  } finally {
    await db.close();
  }
}

/** Every violation, in words a person can act on; empty when all holds. */
export function violations(ho: HeadofficeFacts, desks: DeskFacts[], expected: UserState[], minEvents: number): string[] {
  const found: string[] = [];
  const deviceIds = new Set(desks.map((d) => d.deviceId));
  if (ho.duplicates.length > 0) found.push(`head office holds an event twice: ${JSON.stringify(ho.duplicates.slice(0, 5))}`);
  if (ho.rejections.length > 0) found.push(`head office rejected ${ho.rejections.length} events: ${JSON.stringify(ho.rejections.slice(0, 5))}`);
  for (const device of ho.events.keys()) if (!deviceIds.has(device)) found.push(`head office holds events of an unknown device ${device}`);

  desks.forEach((desk, i) => {
    const name = `desk ${i + 1}`;
    const atHo = ho.events.get(desk.deviceId) ?? [];
    if (desk.own.length < minEvents) found.push(`${name} recorded only ${desk.own.length} events (at least ${minEvents} expected)`);
    if (atHo.length !== desk.own.length) found.push(`${name}: head office holds ${atHo.length} of its ${desk.own.length} events`);
    const mismatch = desk.own.find((e, k) => atHo[k]?.event_id !== e.event_id || atHo[k]?.device_seq !== e.device_seq || atHo[k]?.hash !== e.hash);
    if (mismatch) found.push(`${name}: head office's copy differs from sequence ${mismatch.device_seq} on`);
    if (ho.marks.get(desk.deviceId) !== desk.own.length) found.push(`${name}: head office's high-water mark ${ho.marks.get(desk.deviceId)} ≠ ${desk.own.length}`);
    if (desk.pushedUpto !== desk.own.length) found.push(`${name}: acknowledged up to ${desk.pushedUpto} of ${desk.own.length}`);
    if (desk.halted) found.push(`${name}: sync halted (${desk.halted})`);
    if (desk.conflicts.length > 0) found.push(`${name}: ${desk.conflicts.length} sync conflicts: ${JSON.stringify(desk.conflicts.slice(0, 5))}`);
    if (desk.duplicateEventIds !== 0) found.push(`${name}: ${desk.duplicateEventIds} events twice in the journal`);
    if (desk.chains.brokenAt) found.push(`${name}: broken chain ${JSON.stringify(desk.chains.brokenAt)}`);
    for (const device of desk.others.keys()) if (!deviceIds.has(device)) found.push(`${name} holds events of an unknown device ${device}`);
    for (const other of desks) {
      if (other === desk) continue;
      const want = (ho.events.get(other.deviceId) ?? []).map((e) => e.event_id);
      const have = desk.others.get(other.deviceId) ?? [];
      if (want.length !== have.length || want.some((id, k) => have[k] !== id)) {
        const missing = want.filter((id) => !have.includes(id)).length;
        found.push(`${name} holds ${have.length} of desk ${desks.indexOf(other) + 1}'s ${want.length} events (${missing} missing)`);
      }
    }
    const diff = firstDifference(desk.users, expected);
    if (diff) found.push(`${name}'s users differ from the plans' outcome: ${diff}`);
  });
  return found;
}

function firstDifference(actual: UserState[], expected: UserState[]): string | null {
  if (actual.length !== expected.length) return `${actual.length} users, ${expected.length} expected`;
  for (let k = 0; k < actual.length; k++) {
    if (JSON.stringify(actual[k]) !== JSON.stringify(expected[k])) return `${JSON.stringify(actual[k])} ≠ ${JSON.stringify(expected[k])}`;
  }
  return null;
}
