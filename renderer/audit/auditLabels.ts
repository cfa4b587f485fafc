import type { AuditEntry } from '../../shared/api/methods/audit';
import type { foundationEvents } from '../../shared/events/foundation';
import type { otpEvents } from '../../shared/events/otp';
import type { syncEvents } from '../../shared/events/sync';

/** The events of the desks built so far; each must have a label (a new desk adds its own). */
type LabelledType = keyof typeof foundationEvents | keyof typeof syncEvents | keyof typeof otpEvents;

// How journal events read in the audit trail. A type this build does not label yet shows as its
// technical name rather than disappearing.
const TYPE_KEYS: Record<LabelledType, string> = {
  'auth.loginFailed': 'audit.types.loginFailed',
  'auth.loginSucceeded': 'audit.types.loginSucceeded',
  'branch.created': 'audit.types.branchCreated',
  'branch.updated': 'audit.types.branchUpdated',
  'user.created': 'audit.types.userCreated',
  'user.disabledSet': 'audit.types.userStatusSet',
  'user.localeSet': 'audit.types.userLocaleSet',
  'user.passwordSet': 'audit.types.passwordSet',
  'user.updated': 'audit.types.userUpdated',
  'sync.enrolled': 'audit.types.syncEnrolled',
  'sync.rejected': 'audit.types.syncRejected',
  'sync.conflictResolved': 'audit.types.syncConflictResolved',
  'sync.reseeded': 'audit.types.syncReseeded',
  'otp.applicationCreated': 'audit.types.otpApplicationCreated',
  'otp.applicationSubmitted': 'audit.types.otpApplicationSubmitted',
  'otp.approved': 'audit.types.otpApproved',
  'otp.rejected': 'audit.types.otpRejected',
  'otp.cancelled': 'audit.types.otpCancelled',
  'otp.sent': 'audit.types.otpSent',
  'otp.deliveryUpdated': 'audit.types.otpDeliveryUpdated',
  'otp.confirmed': 'audit.types.otpConfirmed',
};

/** The filter's choices, in the order people look for them. */
export const FILTER_TYPES: readonly LabelledType[] = [
  'auth.loginSucceeded',
  'auth.loginFailed',
  'user.created',
  'user.updated',
  'user.disabledSet',
  'user.passwordSet',
  'user.localeSet',
  'branch.created',
  'branch.updated',
  'sync.enrolled',
  'sync.rejected',
  'sync.conflictResolved',
  'sync.reseeded',
  'otp.applicationCreated',
  'otp.applicationSubmitted',
  'otp.approved',
  'otp.rejected',
  'otp.cancelled',
  'otp.sent',
  'otp.deliveryUpdated',
  'otp.confirmed',
];

export function typeLabelKey(type: string): string | null {
  return (TYPE_KEYS as Record<string, string>)[type] ?? null;
}

/** The label of one entry: a few events read better with what their payload says. */
export function entryLabelKey(entry: Pick<AuditEntry, 'type' | 'payload'>): string | null {
  if (entry.type === 'user.disabledSet') return entry.payload.disabled === true ? 'audit.types.userDisabled' : 'audit.types.userEnabled';
  if (entry.type === 'user.passwordSet') return entry.payload.by === 'admin' ? 'audit.types.passwordReset' : 'audit.types.passwordChanged';
  if (entry.type === 'otp.sent' && entry.payload.delivery === 'failed') return 'audit.types.otpSendFailed';
  if ((entry.type === 'otp.approved' || entry.type === 'otp.rejected') && (entry.payload.level === 'kasie' || entry.payload.level === 'kacab')) {
    const level = entry.payload.level === 'kasie' ? 'Kasie' : 'Kacab';
    return `audit.types.${entry.type === 'otp.approved' ? 'otpApproved' : 'otpRejected'}${level}`;
  }
  return typeLabelKey(entry.type);
}

export interface DetailWords {
  t: (key: string, params?: Record<string, unknown>) => string;
  /** Whether a message key exists, so fields without a label show their own name. */
  te: (key: string) => boolean;
  /** A user id as a user name, when known. */
  userName: (id: string) => string;
  /** A moment (epoch ms) on the branch's wall clock. */
  dateTime: (ms: number) => string;
}

export interface Detail {
  label: string;
  value: string;
}

// Shown through the label already (disabled, by, level, delivery of a failed send), or never
// shown (secrets).
const HIDDEN: Record<string, ReadonlySet<string>> = {
  '*': new Set(['disabled', 'passwordHash']),
  'user.passwordSet': new Set(['by']),
  'otp.approved': new Set(['level']),
  'otp.rejected': new Set(['level']),
};
const hidden = (type: string, key: string) => HIDDEN['*']!.has(key) || HIDDEN[type]?.has(key) === true;

// An application is named by the first block of its id: enough to tell it apart in one day's trail.
const shortId = (id: string): string => id.split('-')[0] ?? id;

export function entryDetails(entry: Pick<AuditEntry, 'type' | 'payload'>, words: DetailWords): Detail[] {
  const { t } = words;
  const payload = entry.payload;
  const details: Detail[] = [];
  const hasUsername = typeof payload.username === 'string';
  for (const [key, value] of Object.entries(payload)) {
    if (hidden(entry.type, key) || value === undefined) continue;
    if (entry.type.startsWith('otp.') && (key === 'id' || key === 'applicationId') && typeof value === 'string') {
      details.push({ label: t('audit.fields.application'), value: shortId(value) });
      continue;
    }
    switch (key) {
      case 'by':
      case 'requestedBy':
        if (typeof value === 'string') details.push({ label: t('audit.fields.by'), value: words.userName(value) });
        break;
      case 'product':
        details.push({ label: t('audit.fields.product'), value: t(`otpDesk.products.${String(value)}`) });
        break;
      case 'delivery':
        details.push({ label: t('audit.fields.delivery'), value: t(`otpDesk.delivery.${String(value)}`) });
        break;
      case 'sentAt':
      case 'expiresAt':
        if (typeof value === 'number') details.push({ label: t(`audit.fields.${key}`), value: words.dateTime(value) });
        break;
      case 'id':
      case 'userId':
        if (!hasUsername && typeof value === 'string') details.push({ label: t('audit.fields.user'), value: words.userName(value) });
        break;
      case 'username':
        details.push({ label: t('audit.fields.user'), value: String(value) });
        break;
      case 'roles':
        details.push({
          label: t('audit.fields.roles'),
          value: Array.isArray(value) ? value.map((role) => t(`roles.${String(role)}`)).join(', ') : String(value),
        });
        break;
      case 'locale':
        details.push({ label: t('audit.fields.locale'), value: t(`locale.${String(value)}`) });
        break;
      case 'idleLockMinutes':
        details.push({ label: t('audit.fields.idleLockMinutes'), value: t('audit.minutes', { n: Number(value) }) });
        break;
      case 'via':
        details.push({ label: t('audit.fields.via'), value: t(`audit.via.${String(value)}`) });
        break;
      case 'type': {
        const typeKey = typeof value === 'string' ? typeLabelKey(value) : null;
        details.push({ label: t('audit.fields.type'), value: typeKey ? t(typeKey) : String(value) });
        break;
      }
      case 'reason': {
        const reasonKey = `sync.reasons.${String(value)}`;
        details.push({ label: t('audit.fields.reason'), value: words.te(reasonKey) ? t(reasonKey) : String(value) });
        break;
      }
      case 'detail':
        // A head-office rule's message key (sync.rejected.usernameTaken), or a field path as it is.
        details.push({ label: t('audit.fields.detail'), value: typeof value === 'string' && words.te(value) ? t(value) : String(value) });
        break;
      default: {
        const labelKey = `audit.fields.${key}`;
        details.push({
          label: words.te(labelKey) ? t(labelKey) : key,
          value: typeof value === 'string' ? value : JSON.stringify(value),
        });
      }
    }
  }
  return details;
}
