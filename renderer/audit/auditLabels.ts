import type { AuditEntry } from '../../shared/api/methods/audit';
import type { foundationEvents } from '../../shared/events/foundation';
import type { syncEvents } from '../../shared/events/sync';

/** The events of the desks built so far; each must have a label (a new desk adds its own). */
type LabelledType = keyof typeof foundationEvents | keyof typeof syncEvents;

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
];

export function typeLabelKey(type: string): string | null {
  return (TYPE_KEYS as Record<string, string>)[type] ?? null;
}

/** The label of one entry: a few events read better with what their payload says. */
export function entryLabelKey(entry: Pick<AuditEntry, 'type' | 'payload'>): string | null {
  if (entry.type === 'user.disabledSet') return entry.payload.disabled === true ? 'audit.types.userDisabled' : 'audit.types.userEnabled';
  if (entry.type === 'user.passwordSet') return entry.payload.by === 'admin' ? 'audit.types.passwordReset' : 'audit.types.passwordChanged';
  return typeLabelKey(entry.type);
}

export interface DetailWords {
  t: (key: string, params?: Record<string, unknown>) => string;
  /** Whether a message key exists, so fields without a label show their own name. */
  te: (key: string) => boolean;
  /** A user id as a user name, when known. */
  userName: (id: string) => string;
}

export interface Detail {
  label: string;
  value: string;
}

// Shown through the label already (disabled, by), or never shown (secrets, ids named elsewhere).
const HIDDEN = new Set(['disabled', 'by', 'passwordHash']);

export function entryDetails(entry: Pick<AuditEntry, 'type' | 'payload'>, words: DetailWords): Detail[] {
  const { t } = words;
  const payload = entry.payload;
  const details: Detail[] = [];
  const hasUsername = typeof payload.username === 'string';
  for (const [key, value] of Object.entries(payload)) {
    if (HIDDEN.has(key) || value === undefined) continue;
    switch (key) {
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
