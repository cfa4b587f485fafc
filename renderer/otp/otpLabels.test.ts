import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { Role } from '../../shared/domain/roles';
import { APPLICATION_STATUSES, PRODUCTS, type ApplicationStatus } from '../../shared/otp/model';
import { messages } from '../i18n';
import { actionsFor, canCreate, deliveryFailed, errorText, issueText, statusKey, statusLabel, statusTag, validateOutcome } from './otpLabels';

const known = new Set([
  'otpDesk.status.draft',
  'otpDesk.status.waitingConfirmation',
  'otp.errors.nik',
  'otp.errors.nikReasons.length',
  'otp.errors.phone1',
  'otp.errors.phoneReasons.notMobile',
  'otp.errors.tooSoon',
  'otp.errors.wrongState',
  'validation.required',
]);
const indonesian: Record<string, string> = { 'otpDesk.status.draft': 'Draft', 'otpDesk.status.waitingConfirmation': 'Menunggu Konfirmasi' };
const words = {
  t: (key: string, params?: Record<string, string | number>) => indonesian[key] ?? `«${key}${params && Object.keys(params).length ? JSON.stringify(params) : ''}»`,
  te: (key: string) => known.has(key),
};

describe('what each role may do at each status', () => {
  const table: [Role[], ApplicationStatus, string[]][] = [
    [['ao'], 'Draft', ['submit', 'cancel']],
    [['cs'], 'Draft', ['submit']],
    [['kasie'], 'Draft', []],
    [['ao'], 'Waiting Kasie', ['cancel']],
    [['kasie'], 'Waiting Kasie', ['approve', 'reject']],
    [['kacab'], 'Waiting Kasie', []],
    [['kacab'], 'Waiting Kacab', ['approve', 'reject']],
    [['kasie'], 'Waiting Kacab', []],
    // A person with both approver roles acts at the level the application is at.
    [['kasie', 'kacab'], 'Waiting Kacab', ['approve', 'reject']],
    [['ao'], 'Waiting Confirmation', ['resend', 'cancel']],
    [['cs'], 'Waiting Confirmation', []],
    [['kacab'], 'Waiting Confirmation', []],
    [['ao', 'cs', 'kasie', 'kacab'], 'In Progress', []],
    [['ao', 'cs', 'kasie', 'kacab'], 'Rejected', []],
    [['ao', 'cs', 'kasie', 'kacab'], 'Cancelled', []],
    [['teller', 'admin'], 'Draft', []],
  ];
  it.each(table)('%j at %s: %j', (roles, status, actions) => {
    expect(actionsFor(roles, status)).toEqual(actions);
  });

  it('resend is only ever offered to the AO, only while the code is awaited', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(actionsFor(['ao'], status).includes('resend')).toBe(status === 'Waiting Confirmation');
      expect(actionsFor(['cs', 'kasie', 'kacab', 'admin'], status).includes('resend')).toBe(false);
    }
  });

  it('only makers create applications', () => {
    expect(canCreate(['ao'])).toBe(true);
    expect(canCreate(['cs'])).toBe(true);
    expect(canCreate(['kasie', 'kacab'])).toBe(false);
  });
});

describe('statuses and deliveries in words', () => {
  it('names the English status beside the translation when they differ', () => {
    expect(statusLabel('Waiting Confirmation', words)).toBe('Menunggu Konfirmasi (Waiting Confirmation)');
    expect(statusLabel('Draft', words)).toBe('Draft');
  });

  it('colours every status', () => {
    expect(APPLICATION_STATUSES.map(statusTag)).toEqual(['info', 'warning', 'warning', 'primary', 'success', 'danger', 'info']);
  });

  it('flags a failed delivery only while the customer is still to confirm', () => {
    expect(deliveryFailed({ status: 'Waiting Confirmation', lastDelivery: 'failed' })).toBe(true);
    expect(deliveryFailed({ status: 'Waiting Confirmation', lastDelivery: 'read' })).toBe(false);
    expect(deliveryFailed({ status: 'In Progress', lastDelivery: 'failed' })).toBe(false);
  });
});

describe('errors in words', () => {
  it('adds the reason the core gave for a NIK or a phone', () => {
    expect(issueText({ path: 'nik', key: 'otp.errors.nik', params: { reason: 'length' } }, words)).toBe(
      '«otp.errors.nik{"reason":"length"}» «otp.errors.nikReasons.length»',
    );
    expect(issueText({ path: 'phone1', key: 'otp.errors.phone1', params: { reason: 'notMobile' } }, words)).toBe(
      '«otp.errors.phone1{"reason":"notMobile"}» «otp.errors.phoneReasons.notMobile»',
    );
    expect(issueText({ path: 'address', key: 'validation.required' }, words)).toBe('«validation.required»');
    expect(issueText({ path: 'x', key: 'no.such.key' }, words)).toBe('«errors.internal»');
  });

  it('names a status in the refusal in the user’s words, and passes the wait time through', () => {
    const wrongState = new ApiError('conflict', 'otp.errors.wrongState', { status: 'Waiting Confirmation' });
    expect(errorText(wrongState, words)).toBe('«otp.errors.wrongState{"status":"Menunggu Konfirmasi (Waiting Confirmation)"}»');
    const tooSoon = new ApiError('conflict', 'otp.errors.tooSoon', { minutes: 4, seconds: 12 });
    expect(errorText(tooSoon, words)).toBe('«otp.errors.tooSoon{"minutes":4,"seconds":12}»');
    expect(errorText(new Error('boom'), words)).toBe('«errors.internal»');
  });
});

describe('what Validasi answered', () => {
  const codeIssue = (key: string, params?: Record<string, number>) =>
    new ApiError('bad_input', 'errors.badInput', undefined, [{ path: 'code', key, ...(params ? { params } : {}) }]);

  it('reads each answer and refusal of head office', () => {
    expect(validateOutcome({ result: 'confirmed' })).toEqual({ kind: 'confirmed' });
    expect(validateOutcome({ result: 'alreadyConfirmed' })).toEqual({ kind: 'alreadyConfirmed' });
    expect(validateOutcome({ error: codeIssue('otp.errors.wrongCode', { remaining: 3 }) })).toEqual({ kind: 'wrong', remaining: 3 });
    expect(validateOutcome({ error: codeIssue('otp.errors.expired') })).toEqual({ kind: 'expired' });
    expect(validateOutcome({ error: codeIssue('otp.errors.void') })).toEqual({ kind: 'void' });
    expect(validateOutcome({ error: codeIssue('validation.otpCode') })).toEqual({ kind: 'format' });
    expect(validateOutcome({ error: new ApiError('unavailable', 'otp.errors.offline') })).toEqual({ kind: 'offline' });
  });

  it('keeps anything else as an error to show as it is', () => {
    const other = new ApiError('conflict', 'otp.errors.wrongState', { status: 'Cancelled' });
    expect(validateOutcome({ error: other })).toEqual({ kind: 'other', error: other });
    const notCode = new ApiError('bad_input', 'errors.badInput', undefined, [{ path: 'id', key: 'validation.invalid' }]);
    expect(validateOutcome({ error: notCode })).toEqual({ kind: 'other', error: notCode });
  });
});

describe('the words the screens build their keys from', () => {
  type Tree = { [key: string]: string | Tree };
  const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  const keys = [
    ...APPLICATION_STATUSES.map(statusKey),
    ...['sent', 'delivered', 'read', 'failed'].map((d) => `otpDesk.delivery.${d}`),
    ...PRODUCTS.map((p) => `otpDesk.products.${p}`),
    ...['submit', 'approve', 'reject', 'cancel', 'resend'].map((a) => `otpDesk.actions.${a}`),
    ...['customer', 'cs'].map((v) => `otpDesk.detail.via.${v}`),
    ...['customer', 'cs'].map((v) => `audit.via.${v}`),
    ...['reject', 'cancel'].flatMap((k) => ['title', 'hint', 'placeholder', 'done'].map((w) => `otpDesk.${k}.${w}`)),
    'shell.menu.groups.customerService',
  ];
  it.each(['id', 'en'] as const)('%s has every one of them', (locale) => {
    expect(keys.filter((key) => typeof lookup(messages[locale] as Tree, key) !== 'string')).toEqual([]);
  });
});
