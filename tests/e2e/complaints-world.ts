import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, BRANCH } from './fixtures';
import { DeskApi, type Person } from './otp-world';
import { runCli, startServing, stop, type Started } from './processes';

// The complaints tests' world: one branch desk of its own (no head office: complaints are worked
// at the branch), initialised by `serambi init`, with its CS and CS manager made by the admin as
// in Pengguna.

export const CS: Person = { username: 'citra', displayName: 'Citra Lestari', password: 'citra-cs-2026', roles: ['cs'] };
export const MANAGER: Person = { username: 'maya', displayName: 'Maya Sari', password: 'maya-csm-2026', roles: ['cs-manager'] };

export class ComplaintsWorld {
  private constructor(
    private readonly dir: string,
    readonly desk: Started,
  ) {}

  static async start(): Promise<ComplaintsWorld> {
    const dir = await mkdtemp(join(tmpdir(), 'serambi-e2e-complaints-'));
    const data = join(dir, 'desk');
    let desk: Started | undefined;
    try {
      await runCli(['init', '--branch', BRANCH.code, '--admin', ADMIN.username, '--admin-name', ADMIN.displayName, '--name', BRANCH.name, '--data', data], {
        SERAMBI_PASSWORD: ADMIN.password,
      });
      desk = await startServing(['serve', '--data', data, '--port', '0'], {}, 'complaints desk');
      const admin = await DeskApi.login(desk.url, ADMIN);
      try {
        for (const person of [CS, MANAGER]) {
          await admin.call('users.create', { username: person.username, displayName: person.displayName, roles: person.roles, password: person.password });
        }
      } finally {
        await admin.dispose();
      }
      return new ComplaintsWorld(dir, desk);
    } catch (error) {
      if (desk) await stop(desk.child);
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    await stop(this.desk.child);
    await rm(this.dir, { recursive: true, force: true });
  }
}
