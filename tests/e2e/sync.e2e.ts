import type { Locator, Page } from '@playwright/test';
import { ADMIN, BRANCH, expect, loginAs, menu, openDesk, row, shot, test as base } from './fixtures';
import { SyncWorld } from './sync-world';

// A branch and its head office, as they live through a day with a bad line: the first desk is
// enrolled in Pengaturan, head office adds a user, a second desk joins the branch from its setup
// screen, the line goes down and work goes on, a user name clash comes back as a conflict a
// supervisor settles, and head office is restored from a backup and later reset.
// The world lives as long as the worker: it starts once, on first use, and is stopped (every
// process, the relay, the temporary folder) when the run ends, failed or not.
const test = base.extend<{ world: SyncWorld }, { syncWorld: SyncWorld }>({
  syncWorld: [
    async ({}, use) => {
      const started = await SyncWorld.start();
      try {
        await use(started);
      } finally {
        await started.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  world: async ({ syncWorld }, use) => {
    await use(syncWorld);
  },
  // Every page here opens the first desk unless a test goes elsewhere on purpose.
  baseURL: async ({ syncWorld }, use) => {
    await use(syncWorld.deskA.url);
  },
});

test.describe.configure({ mode: 'serial' });

function indicator(page: Page): Locator {
  return page.getByTestId('sync-indicator');
}

async function openPanel(page: Page): Promise<Locator> {
  await indicator(page).click();
  const panel = page.getByTestId('sync-panel');
  await expect(panel).toBeVisible();
  return panel;
}

async function closePanel(page: Page): Promise<void> {
  await indicator(page).click();
  await expect(page.getByTestId('sync-panel')).toBeHidden();
}

/** Sinkronkan Sekarang, from the top bar's panel; waits for the answer (a success or a problem). */
async function syncNow(page: Page, answer: RegExp): Promise<void> {
  const panel = await openPanel(page);
  await panel.getByRole('button', { name: 'Sinkronkan Sekarang' }).click();
  await expect(page.getByRole('alert').filter({ hasText: answer }).first()).toBeVisible();
  await closePanel(page);
}

const RINA = { username: 'rina', displayName: 'Rina Kartika', password: 'rina-cabang-2026' };

test('the admin enrolls the desk with head office in Pengaturan, and the top bar turns online', async ({ page, world }) => {
  await loginAs(page, ADMIN.username, ADMIN.password);
  await expect(indicator(page)).toContainText('Belum terdaftar');
  await expect(menu(page)).toHaveText(['Beranda', 'Jejak Audit', 'Konflik Sinkronisasi', 'Pengguna', 'Pengaturan']);
  const panel = await openPanel(page);
  await expect(panel).toContainText('Perangkat ini belum terdaftar di kantor pusat.');
  await expect(panel.getByRole('button', { name: 'Sinkronkan Sekarang' })).toBeDisabled();
  await shot(page, 'sync-not-enrolled');
  await panel.getByRole('link', { name: 'Daftarkan di Pengaturan' }).click();

  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();
  const card = page.locator('#headoffice');
  await expect(card.getByRole('heading', { name: 'Kantor Pusat' })).toBeVisible();

  // What the core refuses, it says under the field.
  await card.getByLabel('Alamat kantor pusat').fill('pusat');
  await card.getByLabel('Kode pendaftaran').fill('abc');
  await card.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(card.getByText('Alamat lengkap, mis. https://pusat.bank.co.id')).toBeVisible();
  await expect(card.getByText(/^Kode pendaftaran 6–64 karakter/)).toBeVisible();

  await card.getByLabel('Alamat kantor pusat').fill(world.line.url);
  await card.getByLabel('Kode pendaftaran').fill('AAAA-BBBB-CCCC');
  await card.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(card.getByText(/^Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa/)).toBeVisible();
  await shot(page, 'settings-headoffice-errors');

  await card.getByLabel('Kode pendaftaran').fill(await world.enrollCode());
  await card.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(page.getByText(`Perangkat terdaftar di kantor pusat untuk cabang ${BRANCH.code}.`)).toBeVisible();
  await expect(card.getByRole('row', { name: /^Alamat kantor pusat/ })).toContainText(world.line.url);
  await expect(card.getByRole('row', { name: /^ID perangkat/ })).toContainText(/[0-9a-f]{8}-[0-9a-f-]{27}/);
  await expect(card.getByRole('button', { name: 'Daftarkan' })).toHaveCount(0);
  await expect(indicator(page)).toContainText('Terhubung');
  await expect(indicator(page)).toContainText('0 menunggu');
  await expect(indicator(page)).toContainText('sinkron baru saja');
  await shot(page, 'settings-headoffice');

  const details = await openPanel(page);
  await expect(details).toContainText(world.line.url);
  await expect(details.getByTestId('sync-pending')).toHaveText('0 peristiwa');
  await expect(details).toContainText('Konflik');
  await shot(page, 'sync-panel');
});

test('a user made at head office appears in Pengguna after Sinkronkan Sekarang', async ({ page, world }) => {
  await loginAs(page, ADMIN.username, ADMIN.password);
  await openDesk(page, 'Pengguna');
  await expect(row(page, ADMIN.displayName)).toBeVisible();
  // The login itself is sent first; the list on screen then stays as it is until a round brings news.
  await expect(indicator(page)).toContainText('0 menunggu');

  const made = await world.admin('/admin/api/users', {
    username: 'joko',
    displayName: 'Joko Susilo',
    roles: ['teller'],
    password: 'joko-teller-2026',
    branch: BRANCH.code,
  });
  expect(made.status).toBe(200);
  await expect(row(page, 'Joko Susilo')).toHaveCount(0);

  await syncNow(page, /^Sinkronisasi selesai: \d+ terkirim, [1-9]\d* diterima, 0 menunggu\.$/);
  await expect(row(page, 'Joko Susilo')).toContainText('Teller');
  await shot(page, 'sync-users-from-headoffice');
});

test('a second desk joins the branch from its setup screen, and the branch admin logs in there', async ({ page, world }) => {
  await page.goto(`${world.deskB.url}/`);
  await expect(page.getByRole('heading', { name: 'Penyiapan Cabang' })).toBeVisible();
  await page.getByText('Gabung ke cabang yang sudah ada').click();
  await expect(page.getByLabel('Alamat kantor pusat')).toBeVisible();
  await shot(page, 'setup-join');

  // Head office out of reach: said plainly, nothing changes.
  await page.getByLabel('Alamat kantor pusat').fill(world.deadUrl);
  await page.getByLabel('Kode pendaftaran').fill(await world.enrollCode());
  await page.getByRole('button', { name: 'Gabung ke Cabang' }).click();
  await expect(page.getByText(/^Kantor pusat tidak dapat dihubungi\./)).toBeVisible();
  await shot(page, 'setup-join-offline');

  await page.getByLabel('Alamat kantor pusat').fill(world.line.url);
  await page.getByRole('button', { name: 'Gabung ke Cabang' }).click();
  await expect(page.getByTestId('join-steps')).toBeVisible();
  await shot(page, 'setup-join-progress');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Perangkat bergabung dengan cabang ${BRANCH.name} (${BRANCH.code}). Silakan masuk.`)).toBeVisible();
  await expect(page.getByText(`Cabang ${BRANCH.name} (${BRANCH.code})`, { exact: true })).toBeVisible();

  // The branch's users came with it: the admin of the first desk logs in here.
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.displayName}` })).toBeVisible();
  await expect(indicator(page)).toContainText('Terhubung');
  await page.getByRole('navigation').getByRole('menuitem', { name: 'Pengguna' }).click();
  await expect(row(page, 'Joko Susilo')).toBeVisible();

  // Head office IT revokes this desk: sync stops and the desk says whom to call.
  await page.getByRole('navigation').getByRole('menuitem', { name: 'Pengaturan' }).click();
  const deviceRow = page.getByRole('row', { name: /^ID perangkat/ });
  await expect(deviceRow).toBeVisible();
  const deviceId = /[0-9a-f]{8}-[0-9a-f-]{27}/.exec((await deviceRow.textContent()) ?? '')?.[0] ?? '';
  expect((await world.admin(`/admin/api/devices/${deviceId}/revoke`, {})).status).toBe(200);
  const panel = await openPanel(page);
  await panel.getByRole('button', { name: 'Sinkronkan Sekarang' }).click();
  const banner = page.getByTestId('sync-halted');
  await expect(banner).toContainText('Sinkronisasi dengan kantor pusat berhenti');
  await expect(banner).toContainText('Kantor pusat mencabut izin perangkat ini. Sinkronisasi berhenti; hubungi TI kantor pusat.');
  await closePanel(page);
  await expect(indicator(page)).toContainText('Sinkronisasi berhenti');
  await shot(page, 'sync-halted-revoked');
});

test('with head office down, work goes on and the top bar says offline with changes waiting', async ({ page, world }) => {
  // A clean stop keeps a consistent copy of head office's database: the "backup" restored later.
  await world.stopHeadoffice();
  await world.copyDatabase('ho.sqlite', 'ho-backup.sqlite');

  await loginAs(page, ADMIN.username, ADMIN.password);
  await syncNow(page, /^Kantor pusat tidak dapat dihubungi\./);
  await expect(indicator(page)).toContainText('Terputus');

  await openDesk(page, 'Pengguna');
  await page.getByRole('button', { name: 'Tambah Pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah Pengguna' });
  await dialog.getByLabel('Nama pengguna').fill(RINA.username);
  await dialog.getByLabel('Nama lengkap').fill(RINA.displayName);
  await dialog.getByText('CS', { exact: true }).click();
  await dialog.getByLabel('Kata sandi awal').fill(RINA.password);
  await dialog.getByLabel('Ulangi kata sandi').fill(RINA.password);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Pengguna ${RINA.username} dibuat.`)).toBeVisible();
  await expect(row(page, RINA.displayName)).toContainText('Aktif');

  await expect(indicator(page)).toContainText('Terputus');
  await expect(indicator(page)).toContainText(/[1-9]\d* menunggu/);
  await shot(page, 'sync-offline');
  const panel = await openPanel(page);
  await expect(panel).toContainText('Gangguan terakhir');
  await expect(panel).toContainText('Kantor pusat tidak dapat dihubungi.');
  await shot(page, 'sync-panel-offline');
});

test('a user name head office already gave away comes back as a conflict, settled with a note', async ({ page, world }) => {
  // Head office comes back, but the branch's line stays down until head office IT has made its
  // own rina for every branch: then the desk's rina is refused, whenever its next round runs.
  world.line.cut();
  await world.startHeadoffice();
  const made = await world.admin('/admin/api/users', {
    username: RINA.username,
    displayName: 'Rina dari Pusat',
    roles: ['cs'],
    password: 'rina-pusat-2026',
    branch: null,
  });
  expect(made.status).toBe(200);
  world.line.restore();

  await loginAs(page, ADMIN.username, ADMIN.password);
  await syncNow(page, /^Sinkronisasi selesai/);
  await expect(indicator(page)).toContainText('Terhubung');
  await expect(page.getByTestId('badge-conflicts')).toHaveText('1');

  // The branch's rina stepped aside (disabled, renamed); head office's rina stands.
  await openDesk(page, 'Pengguna');
  await expect(row(page, 'Rina dari Pusat')).toContainText(RINA.username);
  await expect(row(page, RINA.displayName)).toContainText('Nonaktif');
  await expect(row(page, RINA.displayName)).toContainText(`${RINA.username}~`);

  await openDesk(page, 'Konflik Sinkronisasi');
  await expect(page.getByRole('heading', { name: 'Konflik Sinkronisasi' })).toBeVisible();
  const conflict = row(page, 'Pengguna dibuat');
  await expect(conflict).toContainText('Ditolak kantor pusat');
  await expect(conflict).toContainText('bentrok dengan data kantor pusat');
  await expect(conflict).toContainText('Nama pengguna ini sudah dipakai di kantor pusat.');
  await expect(conflict).toContainText('Terbuka');
  await shot(page, 'conflicts');

  await conflict.getByRole('button', { name: 'Selesaikan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Selesaikan Konflik' });
  await dialog.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible();
  const note = 'Rina memakai akun dari kantor pusat; akun cabang tidak diperlukan.';
  await dialog.getByLabel('Catatan penyelesaian').fill(note);
  await shot(page, 'conflicts-resolve');
  await dialog.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(page.getByText('Konflik ditandai selesai.')).toBeVisible();
  await expect(page.getByText('Tidak ada konflik sinkronisasi.')).toBeVisible();
  await expect(page.getByTestId('badge-conflicts')).toHaveCount(0);

  await page.getByText('Tampilkan yang sudah selesai').click();
  await expect(row(page, 'Pengguna dibuat')).toContainText('Selesai');
  await expect(row(page, 'Pengguna dibuat')).toContainText(note);
  await expect(row(page, 'Pengguna dibuat')).toContainText(ADMIN.username);
  await shot(page, 'conflicts-resolved');
});

test('head office restored from an older backup: sync stops until the admin sends the data again', async ({ page, world }) => {
  await world.stopHeadoffice();
  await world.copyDatabase('ho-backup.sqlite', 'ho.sqlite');
  await world.startHeadoffice();

  await loginAs(page, ADMIN.username, ADMIN.password);
  // The login is a change: the sync it sets off meets the restored head office and stops by
  // itself (a race with pressing Sinkronkan Sekarang, which is disabled once sync has stopped).
  const banner = page.getByTestId('sync-halted');
  await expect(banner).toContainText('Sinkronisasi dengan kantor pusat berhenti', { timeout: 20_000 });
  await expect(banner).toContainText('Kantor pusat dipulihkan dari cadangan lama');
  await expect(indicator(page)).toContainText('Sinkronisasi berhenti');
  await shot(page, 'sync-halted-restored');

  await banner.getByRole('button', { name: 'Kirim Ulang Data' }).click();
  await page.getByRole('dialog', { name: 'Kirim Ulang Data' }).getByRole('button', { name: 'Kirim Ulang Data' }).click();
  await expect(page.getByText(/^Data dikirim ulang \([1-9]\d* peristiwa\)\. Sinkronisasi berjalan lagi\.$/)).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(indicator(page)).toContainText('Terhubung');
  await expect(indicator(page)).toContainText('0 menunggu');
});

// A head office started on a fresh database has a new epoch and does not know this desk: it says
// so by the epoch, the desk stops, and the admin enrolls it again.
test('head office reset: the admin enrolls the desk again with a new code, and it sends all it has', async ({ page, world }) => {
  await world.stopHeadoffice();
  await world.startHeadoffice('ho-new.sqlite');

  await loginAs(page, ADMIN.username, ADMIN.password);
  // The login is a change; the sync it sets off finds the new head office and stops by itself.
  const banner = page.getByTestId('sync-halted');
  await expect(banner).toContainText('Kantor pusat telah diatur ulang dan tidak lagi mengenal perangkat ini.', { timeout: 20_000 });
  await expect(page.getByTestId('sync-panel').getByRole('button', { name: 'Sinkronkan Sekarang' })).toHaveCount(0);
  await shot(page, 'sync-halted-reset');

  await banner.getByRole('button', { name: 'Daftarkan Ulang di Pengaturan' }).click();
  const card = page.locator('#headoffice');
  await expect(card.getByLabel('Alamat kantor pusat')).toHaveValue(world.line.url);
  await card.getByLabel('Kode pendaftaran').fill(await world.enrollCode());
  await shot(page, 'settings-headoffice-again');
  await card.getByRole('button', { name: 'Daftarkan Ulang' }).click();
  await expect(page.getByText(`Perangkat terdaftar di kantor pusat untuk cabang ${BRANCH.code}.`)).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(indicator(page)).toContainText('Terhubung');
  await expect(indicator(page)).toContainText('0 menunggu');
});
