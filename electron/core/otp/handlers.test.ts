import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/index';
import type { ApplicationStatus } from '../../../shared/otp/model';
import { rejection } from '../testing';
import { startOtpDesk, VALID_APPLICATION, type OtpDesk, type StaffName } from './testing';

// Every otp.* method the desk answers alone, through the dispatcher, on a real temporary ledger.
// Applications are independent, so one desk serves the file; each case makes its own.
let t: OtpDesk;
beforeAll(async () => {
  t = await startOtpDesk();
});
afterAll(() => t.close());

const journalCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
const applicationCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM otp_applications').get() as { n: number }).n;
let phoneSerial = 0;
/** A mobile number no other case uses, as customers type it. */
const freshPhone = () => `0813-1000-${String(1000 + phoneSerial++).padStart(4, '0')}`;

describe('otp.create', () => {
  it('saves a draft with the phones and NIK normalised, made by the caller', async () => {
    const created = await t.call('otp.create', { ...VALID_APPLICATION, phone2: '(021) 1234 5678', email: '' }, t.token.ani);
    expect(created).toMatchObject({
      customerName: 'Budi Santoso',
      nik: '3201011205900001',
      phone1: '+6281234567890',
      phone2: '+622112345678',
      email: null,
      product: 'tabungan',
      status: 'Draft',
      createdBy: t.userId.ani,
      createdAt: t.clock.now,
      updatedAt: t.clock.now,
      rejectedReason: null,
      lastSentAt: null,
      sendCount: 0,
      lastDelivery: null,
      confirmedAt: null,
      confirmedVia: null,
    });
    expect(await t.call('otp.get', { id: created.id }, t.token.kamal)).toEqual(created);
  });

  it('sends it straight to the Kasie with submit, as two events', async () => {
    const before = journalCount();
    const created = await t.call('otp.create', { ...VALID_APPLICATION, submit: true }, t.token.citra);
    expect(created.status).toBe('Waiting Kasie');
    const types = t.core.db.prepare(`SELECT type FROM journal ORDER BY seq DESC LIMIT 2`).all() as { type: string }[];
    expect(types.map((r) => r.type).reverse()).toEqual(['otp.applicationCreated', 'otp.applicationSubmitted']);
    expect(journalCount()).toBe(before + 2);
  });

  it.each<[string, Partial<MethodInput<'otp.create'>>, { path: string; key: string; params?: object }[]]>([
    ['a Jakarta landline as Phone 1', { phone1: '021 1234 5678' }, [{ path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'notMobile' } }]],
    ['a Singapore mobile as Phone 1', { phone1: '+65 9123 4567' }, [{ path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'notIndonesian' } }]],
    ['too few digits for Phone 1', { phone1: '0812 345' }, [{ path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'invalid' } }]],
    ['letters in Phone 1', { phone1: '0812-CALL-BUDI' }, [{ path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'invalid' } }]],
    ['a broken Phone 2', { phone2: '12' }, [{ path: 'phone2', key: 'otp.errors.phone2', params: { reason: 'invalid' } }]],
    ['a foreign Phone 2', { phone2: '+44 20 7946 0958' }, [{ path: 'phone2', key: 'otp.errors.phone2', params: { reason: 'notIndonesian' } }]],
    ['a NIK with an unknown province', { nik: '9901011205900001' }, [{ path: 'nik', key: 'otp.errors.nik', params: { reason: 'province' } }]],
    ['a NIK of 15 digits', { nik: '320101120590000' }, [{ path: 'nik', key: 'otp.errors.nik', params: { reason: 'length' } }]],
    ['a NIK with letters', { nik: '32010112059O0001' }, [{ path: 'nik', key: 'otp.errors.nik', params: { reason: 'digits' } }]],
    ['a NIK born on 31 April', { nik: '3201013104900001' }, [{ path: 'nik', key: 'otp.errors.nik', params: { reason: 'birthDate' } }]],
    ['a NIK with serial 0000', { nik: '3201011205900000' }, [{ path: 'nik', key: 'otp.errors.nik', params: { reason: 'serial' } }]],
    [
      'a bad NIK and a bad Phone 1 at once',
      { nik: '9901011205900001', phone1: '021 1234 5678' },
      [
        { path: 'nik', key: 'otp.errors.nik', params: { reason: 'province' } },
        { path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'notMobile' } },
      ],
    ],
  ])('refuses %s as a field error and saves nothing', async (_case, change, fields) => {
    const [journal, applications] = [journalCount(), applicationCount()];
    const error = await rejection(t.call('otp.create', { ...VALID_APPLICATION, ...change, submit: true }, t.token.ani));
    expect(error.code).toBe('bad_input');
    expect(error.fields).toEqual(fields);
    expect([journalCount(), applicationCount()]).toEqual([journal, applications]);
  });

  it('marks every wrong field in one answer: the name, the NIK and Phone 1 together', async () => {
    const error = await rejection(t.call('otp.create', { ...VALID_APPLICATION, customerName: ' ', nik: '320101120590000', phone1: '021 1234 5678' }, t.token.ani));
    expect(error.fields).toEqual([
      { path: 'customerName', key: 'validation.required' },
      { path: 'nik', key: 'otp.errors.nik', params: { reason: 'length' } },
      { path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'notMobile' } },
    ]);
  });

  it('refuses a missing address and a bad e-mail with the contract’s own keys', async () => {
    const error = await rejection(t.call('otp.create', { ...VALID_APPLICATION, address: ' ', email: 'budi@' }, t.token.ani));
    expect(error.fields).toEqual([
      { path: 'email', key: 'validation.email' },
      { path: 'address', key: 'validation.required' },
    ]);
  });
});

type Step = 'submit' | 'approve' | 'reject' | 'cancel';
async function act(step: Step, id: string, who: StaffName) {
  if (step === 'submit') return t.call('otp.submit', { id }, t.token[who]);
  if (step === 'approve') return t.call('otp.approve', { id }, t.token[who]);
  if (step === 'reject') return t.call('otp.reject', { id, reason: 'Data tidak lengkap' }, t.token[who]);
  return t.call('otp.cancel', { id, reason: 'Nasabah membatalkan' }, t.token[who]);
}

type Startable = Exclude<ApplicationStatus, 'In Progress'>;

describe('transitions', () => {
  it.each<[Startable, Step, StaffName, ApplicationStatus]>([
    ['Draft', 'submit', 'ani', 'Waiting Kasie'],
    ['Draft', 'submit', 'citra', 'Waiting Kasie'],
    ['Waiting Kasie', 'approve', 'kiki', 'Waiting Kacab'],
    ['Waiting Kacab', 'approve', 'kamal', 'Waiting Confirmation'],
    ['Waiting Kasie', 'reject', 'kiki', 'Rejected'],
    ['Waiting Kacab', 'reject', 'kamal', 'Rejected'],
    ['Draft', 'cancel', 'ani', 'Cancelled'],
    ['Waiting Kasie', 'cancel', 'ani', 'Cancelled'],
    ['Waiting Kacab', 'cancel', 'ani', 'Cancelled'],
    ['Waiting Confirmation', 'cancel', 'ani', 'Cancelled'],
  ])('%s, %s by %s → %s', async (from, step, who, to) => {
    const application = await t.applicationAt(from);
    t.clock.advance(1000);
    const after = await act(step, application.id, who);
    expect(after.status).toBe(to);
    expect(after.updatedAt).toBe(t.clock.now);
    expect(await t.call('otp.get', { id: application.id }, t.token.ani)).toEqual(after);
  });

  it('keeps the reason of a rejection or a cancellation', async () => {
    const rejected = await t.applicationAt('Rejected');
    expect(rejected.rejectedReason).toBe('Dokumen kurang');
    const cancelled = await t.applicationAt('Cancelled');
    expect(cancelled.rejectedReason).toBe('Nasabah membatalkan');
  });

  it('records who approved at each level', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    const row = t.core.db.prepare(`SELECT kasie_by, kacab_by FROM otp_applications WHERE id = ?`).get(id);
    expect(row).toEqual({ kasie_by: t.userId.kiki, kacab_by: t.userId.kamal });
  });

  it.each<[Startable, Step, StaffName, string, string, object | undefined]>([
    ['Waiting Kasie', 'submit', 'ani', 'conflict', 'otp.errors.wrongState', { status: 'Waiting Kasie' }],
    ['Draft', 'approve', 'kiki', 'conflict', 'otp.errors.wrongState', { status: 'Draft' }],
    ['Waiting Confirmation', 'approve', 'kamal', 'conflict', 'otp.errors.wrongState', { status: 'Waiting Confirmation' }],
    ['Rejected', 'approve', 'kiki', 'conflict', 'otp.errors.wrongState', { status: 'Rejected' }],
    ['Waiting Confirmation', 'reject', 'kamal', 'conflict', 'otp.errors.wrongState', { status: 'Waiting Confirmation' }],
    ['Draft', 'reject', 'kiki', 'conflict', 'otp.errors.wrongState', { status: 'Draft' }],
    ['Rejected', 'cancel', 'ani', 'conflict', 'otp.errors.wrongState', { status: 'Rejected' }],
    ['Cancelled', 'cancel', 'ani', 'conflict', 'otp.errors.wrongState', { status: 'Cancelled' }],
    ['Cancelled', 'submit', 'ani', 'conflict', 'otp.errors.wrongState', { status: 'Cancelled' }],
    // Whose turn it is comes from the application: a Kasie cannot give the Kacab's approval.
    ['Waiting Kacab', 'approve', 'kiki', 'forbidden', 'otp.errors.approverRole', { role: 'Kacab' }],
    ['Waiting Kasie', 'approve', 'kamal', 'forbidden', 'otp.errors.approverRole', { role: 'Kasie' }],
    ['Waiting Kacab', 'reject', 'kiki', 'forbidden', 'otp.errors.approverRole', { role: 'Kacab' }],
    // Roles of the contract, checked before anything else.
    ['Waiting Kasie', 'approve', 'ani', 'forbidden', 'errors.forbidden', undefined],
    ['Waiting Kasie', 'approve', 'citra', 'forbidden', 'errors.forbidden', undefined],
    ['Waiting Kasie', 'reject', 'ani', 'forbidden', 'errors.forbidden', undefined],
    ['Draft', 'submit', 'kiki', 'forbidden', 'errors.forbidden', undefined],
    ['Draft', 'cancel', 'citra', 'forbidden', 'errors.forbidden', undefined],
    ['Draft', 'cancel', 'kamal', 'forbidden', 'errors.forbidden', undefined],
  ])('%s, %s by %s: %s %s', async (from, step, who, code, key, params) => {
    const application = await t.applicationAt(from);
    const journal = journalCount();
    const error = await rejection(act(step, application.id, who));
    expect({ code: error.code, key: error.key, params: error.params }).toEqual({ code, key, params });
    expect(journalCount()).toBe(journal);
    expect((await t.call('otp.get', { id: application.id }, t.token.ani)).status).toBe(from);
  });

  it.each<[Step, StaffName]>([
    ['submit', 'ani'],
    ['approve', 'kiki'],
    ['reject', 'kamal'],
    ['cancel', 'ani'],
  ])('%s of an unknown application is not_found', async (step, who) => {
    const error = await rejection(act(step, '00000000-0000-4000-8000-000000000000', who));
    expect([error.code, error.key]).toEqual(['not_found', 'errors.notFound']);
  });

  it.each<StaffName>(['kiki', 'kamal'])('does not let %s (an approver) make an application', async (who) => {
    expect((await rejection(t.call('otp.create', VALID_APPLICATION, t.token[who]))).code).toBe('forbidden');
  });
});

describe('four eyes', () => {
  it('lets one person with both roles approve only one level of the same application', async () => {
    const { id } = await t.applicationAt('Waiting Kasie');
    expect((await t.call('otp.approve', { id }, t.token.dewi)).status).toBe('Waiting Kacab');
    const error = await rejection(t.call('otp.approve', { id }, t.token.dewi));
    expect([error.code, error.key]).toEqual(['conflict', 'otp.errors.sameApprover']);
    expect((await t.call('otp.approve', { id }, t.token.kamal)).status).toBe('Waiting Confirmation');
  });

  it('lets a person with both roles give the Kacab approval when someone else was the Kasie', async () => {
    const { id } = await t.applicationAt('Waiting Kacab');
    expect((await t.call('otp.approve', { id }, t.token.dewi)).status).toBe('Waiting Confirmation');
  });

  it('lets the same person stop at the second level what they passed at the first: refusing needs no second person', async () => {
    const { id } = await t.applicationAt('Waiting Kasie');
    await t.call('otp.approve', { id }, t.token.dewi);
    expect((await t.call('otp.reject', { id, reason: 'Tanda tangan berbeda' }, t.token.dewi)).status).toBe('Rejected');
  });

  it('does not let the maker approve their own application', async () => {
    const { id } = await t.applicationAt('Waiting Kasie', {}, 'eko');
    const error = await rejection(t.call('otp.approve', { id }, t.token.eko));
    expect([error.code, error.key]).toEqual(['conflict', 'otp.errors.ownApplication']);
    expect((await t.call('otp.approve', { id }, t.token.kiki)).status).toBe('Waiting Kacab');
  });
});

describe('otp.search (Customer Service > OTP, Cari)', () => {
  let waiting: string;
  beforeAll(async () => {
    waiting = (await t.applicationAt('Waiting Confirmation', { phone1: '0813-2000-1111' })).id;
  });

  it.each(['0813-2000-1111', '081320001111', '+62 813 2000 1111', '6281320001111', '(0813) 2000 1111', '813 2000 1111'])(
    'finds the application waiting for confirmation by %s',
    async (phone) => {
      const found = await t.call('otp.search', { phone }, t.token.citra);
      expect(found.applications.map((a) => [a.id, a.phone1])).toEqual([[waiting, '+6281320001111']]);
    },
  );

  it('finds by Phone 2 too, landline included, and never drafts or closed applications', async () => {
    const phone1 = freshPhone();
    const waiting = await t.applicationAt('Waiting Confirmation', { phone1, phone2: '021-5550-1234', customerName: 'Wati' });
    for (const status of ['Draft', 'Waiting Kasie', 'Waiting Kacab', 'Rejected', 'Cancelled'] as const) await t.applicationAt(status, { phone1, phone2: '021-5550-1234' });
    expect((await t.call('otp.search', { phone: phone1 }, t.token.citra)).applications.map((a) => a.id)).toEqual([waiting.id]);
    expect((await t.call('otp.search', { phone: '(021) 5550 1234' }, t.token.citra)).applications.map((a) => a.id)).toEqual([waiting.id]);
  });

  it('finds nothing for a number nobody gave', async () => {
    expect((await t.call('otp.search', { phone: freshPhone() }, t.token.citra)).applications).toEqual([]);
  });

  it.each([
    ['0812', 'invalid'],
    ['+65 9123 4567', 'notIndonesian'],
    ['nomor budi', 'invalid'],
  ])('refuses %s as a field error (%s)', async (phone, reason) => {
    const error = await rejection(t.call('otp.search', { phone }, t.token.citra));
    expect(error.fields).toEqual([{ path: 'phone', key: 'otp.errors.phone', params: { reason } }]);
  });

  it.each<StaffName>(['ani', 'kiki', 'kamal'])('is for Customer Service only (%s is refused)', async (who) => {
    expect((await rejection(t.call('otp.search', { phone: '081234567890' }, t.token[who]))).code).toBe('forbidden');
  });
});

describe('otp.list', () => {
  it('lists newest change first, by status, by name, NIK or phone in any form', async () => {
    const phone1 = freshPhone();
    const first = await t.applicationAt('Draft', { customerName: 'Siti Listiani', phone1, nik: '3171014501950002' });
    t.clock.advance(60_000);
    const second = await t.applicationAt('Waiting Kasie', { customerName: 'Siti Listiani Rahma', phone1: freshPhone() });
    t.clock.advance(60_000);
    const ids = async (input: MethodInput<'otp.list'>) => (await t.call('otp.list', input, t.token.kiki)).applications.map((a) => a.id);
    expect(await ids({ text: 'listiani' })).toEqual([second.id, first.id]);
    expect(await ids({ text: 'LISTIANI', status: 'Draft' })).toEqual([first.id]);
    expect(await ids({ text: '3171 0145 0195 0002' })).toEqual([first.id]);
    expect(await ids({ text: phone1.replace(/^0/, '+62 ') })).toEqual([first.id]);
    expect(await ids({ text: 'Listiani%' })).toEqual([]);
    const drafts = await ids({ status: 'Draft' });
    expect(drafts).toContain(first.id);
    expect(drafts).not.toContain(second.id);
    // The whole list is newest first.
    const all = (await t.call('otp.list', {}, t.token.citra)).applications;
    expect(all.map((a) => a.updatedAt)).toEqual([...all.map((a) => a.updatedAt)].sort((a, b) => b - a));
  });

  it('is for the staff of the desk only', async () => {
    const admin = await t.login('admin', 'rahasia-admin-1');
    expect((await rejection(t.call('otp.list', {}, admin))).code).toBe('forbidden');
  });
});
