import { ApiError, type FieldIssue, type MessageParams } from '../../shared/api/errors';
import type { Role } from '../../shared/domain/roles';
import { APPLICATION_STATUSES, type ApplicationStatus, type ApplicationView } from '../../shared/otp/model';
import { nextStatus } from '../../shared/otp/rules';

// The OTP desk's pure helpers: what each role may do at each status, the words for statuses and
// deliveries, and what the core's answers to Validasi mean. The core decides all of it again on
// every call; these only keep the desk from offering what would be refused anyway.

export type Application = ApplicationView;

export interface Words {
  t: (key: string, params?: MessageParams) => string;
  te: (key: string) => boolean;
}

const STATUS_KEYS: Record<ApplicationStatus, string> = {
  Draft: 'draft',
  'Waiting Kasie': 'waitingKasie',
  'Waiting Kacab': 'waitingKacab',
  'Waiting Confirmation': 'waitingConfirmation',
  'In Progress': 'inProgress',
  Rejected: 'rejected',
  Cancelled: 'cancelled',
};

export const STATUSES = APPLICATION_STATUSES;

export function isStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export const statusKey = (status: ApplicationStatus): string => `otpDesk.status.${STATUS_KEYS[status]}`;

/**
 * A status as the desk shows it: the user's word, followed by the English name the SOP and the
 * staff use ("Menunggu Konfirmasi (Waiting Confirmation)") when the two differ.
 */
export function statusLabel(status: ApplicationStatus, { t }: Pick<Words, 't'>): string {
  const word = t(statusKey(status));
  return word === status ? status : `${word} (${status})`;
}

export type TagType = 'info' | 'warning' | 'primary' | 'success' | 'danger';

export function statusTag(status: ApplicationStatus): TagType {
  switch (status) {
    case 'Waiting Kasie':
    case 'Waiting Kacab':
      return 'warning';
    case 'Waiting Confirmation':
      return 'primary';
    case 'In Progress':
      return 'success';
    case 'Rejected':
      return 'danger';
    default:
      return 'info';
  }
}

export type OtpAction = 'submit' | 'approve' | 'reject' | 'cancel' | 'resend';

/**
 * The buttons a person with these roles gets on an application in this status: makers (AO, CS)
 * submit a draft; the Kasie approves or rejects at Waiting Kasie, the Kacab at Waiting Kacab; the
 * AO cancels until the customer has confirmed, and resends the code while it is awaited. Four
 * eyes (not your own application) is the core's to refuse, with its own message.
 */
export function actionsFor(roles: readonly Role[], status: ApplicationStatus): OtpAction[] {
  const has = (role: Role) => roles.includes(role);
  const can = (action: Parameters<typeof nextStatus>[1]) => nextStatus(status, action).ok;
  const actions: OtpAction[] = [];
  if ((has('ao') || has('cs')) && can({ kind: 'submit' })) actions.push('submit');
  const level = status === 'Waiting Kasie' ? 'kasie' : status === 'Waiting Kacab' ? 'kacab' : null;
  if (level && has(level)) actions.push('approve', 'reject');
  if (has('ao') && status === 'Waiting Confirmation') actions.push('resend');
  if (has('ao') && can({ kind: 'cancel' })) actions.push('cancel');
  return actions;
}

/** Makers open applications; the approvers only decide on them. */
export const canCreate = (roles: readonly Role[]): boolean => roles.includes('ao') || roles.includes('cs');

/** The code did not reach the customer: the AO should send a new one. */
export const deliveryFailed = (application: Pick<Application, 'status' | 'lastDelivery'>): boolean =>
  application.status === 'Waiting Confirmation' && application.lastDelivery === 'failed';

/**
 * A field issue in words, with the reason the core gave where it gave one: "NIK tidak valid: …
 * NIK harus 16 digit." rather than only "invalid".
 */
export function issueText(issue: FieldIssue, { t, te }: Words): string {
  const say = (key: string, params?: MessageParams) => (te(key) ? t(key, params ?? {}) : t('errors.internal'));
  const head = say(issue.key, issue.params);
  const reason = issue.params?.reason;
  if (typeof reason !== 'string') return head;
  const reasons = issue.key === 'otp.errors.nik' ? 'otp.errors.nikReasons' : /^otp\.errors\.phone\d?$/.test(issue.key) ? 'otp.errors.phoneReasons' : null;
  const detail = reasons ? `${reasons}.${reason}` : null;
  return detail && te(detail) ? `${head} ${t(detail)}` : head;
}

/** An error in words; a status named in it ("berstatus {status}") in the user's words too. */
export function errorText(error: unknown, words: Words): string {
  if (!(error instanceof ApiError)) return words.t('errors.internal');
  if (error.fields?.length) return error.fields.map((issue) => issueText(issue, words)).join(' ');
  const params = { ...error.params };
  if (isStatus(params.status)) params.status = statusLabel(params.status, words);
  return words.te(error.key) ? words.t(error.key, params) : words.t('errors.internal');
}

export type ValidateOutcome =
  | { kind: 'confirmed' }
  | { kind: 'alreadyConfirmed' }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'expired' }
  | { kind: 'void' }
  /** Not six digits: the CS retypes it. */
  | { kind: 'format' }
  /** Head office cannot be reached: only it can check a code. */
  | { kind: 'offline' }
  | { kind: 'other'; error: unknown };

const CODE_OUTCOMES: Record<string, ValidateOutcome['kind']> = {
  'otp.errors.wrongCode': 'wrong',
  'otp.errors.expired': 'expired',
  'otp.errors.void': 'void',
  'validation.otpCode': 'format',
};

/** What Validasi's answer, or its refusal, means for the CS and the customer at the counter. */
export function validateOutcome(answer: { result: 'confirmed' | 'alreadyConfirmed' } | { error: unknown }): ValidateOutcome {
  if ('result' in answer) return { kind: answer.result };
  const { error } = answer;
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  if (error.key === 'otp.errors.offline') return { kind: 'offline' };
  const issue = error.fields?.find((f) => f.path === 'code');
  const kind = issue ? CODE_OUTCOMES[issue.key] : undefined;
  if (!issue || !kind) return { kind: 'other', error };
  if (kind === 'wrong') return { kind, remaining: Number(issue.params?.remaining ?? 0) };
  return { kind } as ValidateOutcome;
}
