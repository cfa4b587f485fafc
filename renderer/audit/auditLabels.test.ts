import { describe, expect, it } from 'vitest';
import { entryDetails, entryLabelKey } from './auditLabels';

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key);
const known = new Set(['audit.fields.code', 'audit.fields.displayName', 'audit.fields.note', 'sync.reasons.conflict', 'sync.rejected.usernameTaken']);
const words = { t, te: (key: string) => known.has(key), userName: (id: string) => (id === 'u1' ? 'siti' : id), dateTime: (ms: number) => `@${ms}` };

describe('audit labels', () => {
  it('reads disabling and enabling, reset and change apart', () => {
    expect(entryLabelKey({ type: 'user.disabledSet', payload: { id: 'u1', disabled: true } })).toBe('audit.types.userDisabled');
    expect(entryLabelKey({ type: 'user.disabledSet', payload: { id: 'u1', disabled: false } })).toBe('audit.types.userEnabled');
    expect(entryLabelKey({ type: 'user.passwordSet', payload: { id: 'u1', by: 'admin' } })).toBe('audit.types.passwordReset');
    expect(entryLabelKey({ type: 'user.passwordSet', payload: { id: 'u1', by: 'self' } })).toBe('audit.types.passwordChanged');
    expect(entryLabelKey({ type: 'complaint.logged', payload: {} })).toBeNull();
  });

  it('reads the OTP desk’s events: who approved at which level, a failed send, and the application by its id', () => {
    expect(entryLabelKey({ type: 'otp.approved', payload: { id: 'a', level: 'kasie' } })).toBe('audit.types.otpApprovedKasie');
    expect(entryLabelKey({ type: 'otp.rejected', payload: { id: 'a', level: 'kacab', reason: 'x' } })).toBe('audit.types.otpRejectedKacab');
    expect(entryLabelKey({ type: 'otp.sent', payload: { delivery: 'sent' } })).toBe('audit.types.otpSent');
    expect(entryLabelKey({ type: 'otp.sent', payload: { delivery: 'failed' } })).toBe('audit.types.otpSendFailed');
    expect(entryDetails({ type: 'otp.approved', payload: { id: '5f0c2e1a-1111-4222-8333-944445555666', level: 'kacab' } }, words)).toEqual([
      { label: 'audit.fields.application', value: '5f0c2e1a' },
    ]);
    expect(
      entryDetails(
        { type: 'otp.sent', payload: { applicationId: 'b7-x', sendNumber: 2, sentAt: 1000, expiresAt: 301000, delivery: 'failed', failure: 'rejected number', requestedBy: 'u1' } },
        words,
      ),
    ).toEqual([
      { label: 'audit.fields.application', value: 'b7' },
      { label: 'sendNumber', value: '2' },
      { label: 'audit.fields.sentAt', value: '@1000' },
      { label: 'audit.fields.expiresAt', value: '@301000' },
      { label: 'audit.fields.delivery', value: 'otpDesk.delivery.failed' },
      { label: 'failure', value: 'rejected number' },
      { label: 'audit.fields.by', value: 'siti' },
    ]);
    expect(entryDetails({ type: 'otp.confirmed', payload: { applicationId: 'c1', via: 'customer', by: null } }, words)).toEqual([
      { label: 'audit.fields.application', value: 'c1' },
      { label: 'audit.fields.via', value: 'audit.via.customer' },
    ]);
  });

  it('names users instead of ids and hides secrets', () => {
    expect(entryDetails({ type: 'user.passwordSet', payload: { id: 'u1', passwordHash: '***', by: 'admin' } }, words)).toEqual([
      { label: 'audit.fields.user', value: 'siti' },
    ]);
    expect(
      entryDetails({ type: 'user.created', payload: { id: 'u1', username: 'siti', displayName: 'Siti', roles: ['cs', 'kasie'], locale: 'id' } }, words),
    ).toEqual([
      { label: 'audit.fields.user', value: 'siti' },
      { label: 'audit.fields.displayName', value: 'Siti' },
      { label: 'audit.fields.roles', value: 'roles.cs, roles.kasie' },
      { label: 'audit.fields.locale', value: 'locale.id' },
    ]);
  });

  it('keeps fields it does not know, as they are', () => {
    expect(entryDetails({ type: 'x.y', payload: { amount: 50009, note: 'ok' } }, words)).toEqual([
      { label: 'amount', value: '50009' },
      { label: 'audit.fields.note', value: 'ok' },
    ]);
  });

  it('names the refused event by its label', () => {
    expect(entryDetails({ type: 'sync.rejected', payload: { type: 'user.created', reason: 'schema' } }, words)).toEqual([
      { label: 'audit.fields.type', value: 'audit.types.userCreated' },
      { label: 'audit.fields.reason', value: 'schema' },
    ]);
  });

  it('reads the reason and the rule of a refusal in words, and a field path as it is', () => {
    expect(
      entryDetails({ type: 'sync.rejected', payload: { type: 'user.created', reason: 'conflict', detail: 'sync.rejected.usernameTaken' } }, words),
    ).toEqual([
      { label: 'audit.fields.type', value: 'audit.types.userCreated' },
      { label: 'audit.fields.reason', value: 'sync.reasons.conflict' },
      { label: 'audit.fields.detail', value: 'sync.rejected.usernameTaken' },
    ]);
    expect(entryDetails({ type: 'sync.rejected', payload: { detail: 'payload.roles' } }, words)).toEqual([
      { label: 'audit.fields.detail', value: 'payload.roles' },
    ]);
  });

  it('names the account from the payload when the event carries it', () => {
    expect(entryDetails({ type: 'user.updated', payload: { id: 'u9', username: 'rina', displayName: 'Rina' } }, words)).toEqual([
      { label: 'audit.fields.user', value: 'rina' },
      { label: 'audit.fields.displayName', value: 'Rina' },
    ]);
  });
});
