import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedApplicationEvents, lastOtpSentTo, startOtpHeadoffice, testApplication } from '../../headoffice/otp/testing';

// The customer's page in Debian's Chromium, at a phone's size, through each answer it can give;
// a screenshot of each lands in tests/e2e/screenshots/ (ignored by git) for a person to look at.

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', 'e2e', 'screenshots');
const T0 = Date.UTC(2026, 10, 21, 3);

describe.skipIf(!existsSync(CHROMIUM))("the customer's OTP page in Chromium", () => {
  let now = T0;
  let browser: Browser;
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  let desk: Awaited<ReturnType<typeof ho.enroll>>;
  let url: string;
  let phoneNumber = 1000;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ho = await startOtpHeadoffice('sqlite', { clock: () => now, otp: { env: {}, pollMs: 0, publicUrl: 'http://placeholder' } });
    url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
    desk = await ho.enroll('JKT01');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await ho?.close();
  });

  async function approved() {
    const a = testApplication({ phone1: `0812-3456-${phoneNumber++}`, customerName: 'Rina Kartika Sari' });
    await desk.push(approvedApplicationEvents(desk.chain, a, now));
    await ho.app.otpSender.kick();
    const sent = (await lastOtpSentTo(ho.ctx.db, a.phone1))!;
    return { ...a, code: sent.code, token: sent.token! };
  }
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  async function open(token: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
    // Any CSP violation or script error is a failure of the page.
    page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${url}/customer?p=${token}`);
    return page;
  }
  async function type(page: Page, code: string) {
    await page.getByLabel('Kode OTP').fill(code);
    await page.getByRole('button', { name: 'Kirim' }).click();
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `otp-customer-${name}.png`), fullPage: true });

  it('takes the code and records the consent; a reload says it is already recorded', async () => {
    const a = await approved();
    const page = await open(a.token);
    await expect.poll(() => page.locator('#phone').textContent()).toBe('+62 812-****-1000');
    expect(await page.locator('#name').textContent()).toBe('Rina Kartika Sari');
    await shot(page, '1-waiting');

    await type(page, wrongFor(a.code));
    await expect.poll(() => page.locator('#form-error').textContent()).toBe('Kode OTP salah. Sisa percobaan: 4.');
    await shot(page, '2-wrong-code');

    await type(page, a.code);
    await expect.poll(() => page.locator('#answer-title').textContent()).toBe('Persetujuan Anda telah tercatat');
    expect(await page.locator('#otp-form').isVisible()).toBe(false);
    await shot(page, '3-confirmed');

    await page.reload();
    await expect.poll(() => page.locator('#answer-title').textContent()).toBe('Persetujuan sudah tercatat');
    await shot(page, '4-already-confirmed');
    await page.close();
  });

  it('says when the code expired, keeping the field for a resent code', async () => {
    const a = await approved();
    const page = await open(a.token);
    await expect.poll(() => page.locator('#phone').textContent()).toContain('****');
    now += 5 * 60_000 + 1_000;
    await type(page, a.code);
    await expect.poll(() => page.locator('#answer-title').textContent()).toBe('Kode OTP sudah kedaluwarsa');
    expect(await page.getByLabel('Kode OTP').isVisible()).toBe(true);
    await shot(page, '5-expired');
    await page.close();
  });

  it('stops after five wrong codes', async () => {
    const a = await approved();
    const page = await open(a.token);
    await expect.poll(() => page.locator('#phone').textContent()).toContain('****');
    for (let i = 0; i < 5; i++) {
      await type(page, wrongFor(a.code));
      if (i < 4) await expect.poll(() => page.locator('#form-error').textContent()).toBe(`Kode OTP salah. Sisa percobaan: ${4 - i}.`);
    }
    await expect.poll(() => page.locator('#answer-title').textContent()).toBe('Kode OTP tidak dapat digunakan lagi');
    await shot(page, '6-void');
    await page.close();
  });

  it('refuses an unknown link and a cancelled application, and says when to try again', async () => {
    const unknown = await open('tidak-ada-tautan-seperti-ini-0123456789');
    await expect.poll(() => unknown.locator('#answer-title').textContent()).toBe('Tautan tidak berlaku');
    await shot(unknown, '7-unknown-link');
    await unknown.close();

    const a = await approved();
    await desk.push([desk.chain.next('otp.cancelled', { id: a.id, reason: 'Nasabah membatalkan' })]);
    const closed = await open(a.token);
    await expect.poll(() => closed.locator('#answer-title').textContent()).toBe('Pengajuan tidak menunggu konfirmasi');
    await shot(closed, '8-closed');
    await closed.close();

    // Spend the ten tries this address has in ten minutes, then type the right code.
    const b = await approved();
    const page = await open(b.token);
    await expect.poll(() => page.locator('#phone').textContent()).toContain('****');
    for (let i = 0; i < 10; i++) await ho.app.inject({ method: 'POST', url: '/customer/api/otp', remoteAddress: '127.0.0.1', payload: { token: 'z'.repeat(43), code: '123456' } });
    await type(page, b.code);
    await expect.poll(() => page.locator('#form-error').textContent()).toMatch(/^Terlalu banyak percobaan\. Coba lagi dalam \d+ menit\.$/);
    await shot(page, '9-rate-limited');
    await page.close();

    expect(problems).toEqual([]);
  });
});
