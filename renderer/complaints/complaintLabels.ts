import type { ComplaintSummary, ComplaintView } from '../../shared/api/methods/complaints';
import type { Bilingual, ComplaintStatus } from '../../shared/complaints/model';
import type { IntakeField } from '../../shared/complaints/playbooks';
import type { SlaState } from '../../shared/complaints/sla';
import type { Role } from '../../shared/domain/roles';

// What the complaints desk shows and offers, as pure functions of a complaint and the user's roles,
// so the rules are tested without mounting a page.

export type Complaint = ComplaintView;
export type Summary = ComplaintSummary;

/** A bilingual label of shared/complaints/model.ts in the user's language. */
export function pick(label: Bilingual, locale: string): string {
  return locale === 'en' ? label.en : label.id;
}

/** The SLA clock's colour: breached red, warning amber, met green, paused grey. */
export function slaTagType(state: SlaState): 'danger' | 'warning' | 'success' | 'info' | 'primary' {
  switch (state) {
    case 'breached':
      return 'danger';
    case 'warning':
      return 'warning';
    case 'met':
      return 'success';
    case 'paused':
      return 'info';
    default:
      return 'primary';
  }
}

/** "1 j 20 m" / "1 h 20 m": business time left or over, to the minute. */
export function durationText(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = locale === 'en' ? 'h' : 'j';
  return hours > 0 ? `${hours} ${h} ${rest} m` : `${rest} m`;
}

export type ComplaintAction = 'contact' | 'waitCustomer' | 'customerReplied' | 'escalateManager' | 'escalateDepartment' | 'departmentResponse' | 'resolve' | 'reopen';

/**
 * The buttons the drawer offers, mirroring the core's rules: the CS escalates to the manager, the
 * manager to a department and records its answer; waiting on the customer pauses the SLA until they
 * reply; a resolved complaint can only be reopened. The core checks the same on every call.
 */
export function actionsFor(roles: readonly Role[], status: ComplaintStatus): ComplaintAction[] {
  const cs = roles.includes('cs');
  const manager = roles.includes('cs-manager');
  if (!cs && !manager) return [];
  if (status === 'resolved') return ['reopen'];
  if (status === 'waiting-customer') return ['customerReplied', 'resolve'];
  const actions: ComplaintAction[] = ['contact', 'waitCustomer'];
  if (cs && (status === 'open' || status === 'reopened')) actions.push('escalateManager');
  if (manager && status === 'escalated-manager') actions.push('escalateDepartment');
  if (manager && status === 'escalated-department') actions.push('departmentResponse');
  actions.push('resolve');
  return actions;
}

/** The report's own field for the category, if it has one. */
export function reportFieldOf(category: ComplaintSummary['category']): 'disbursementResult' | 'paymentReceived' | 'paymentCodeGivenByCs' | null {
  if (category === 'pencairan-pinjaman') return 'disbursementResult';
  if (category === 'konfirmasi-pembayaran') return 'paymentReceived';
  if (category === 'metode-pembayaran') return 'paymentCodeGivenByCs';
  return null;
}

export interface IntakeFacts {
  billingReason: string;
  disbursementStartedAt: number | null;
  paidAt: number | null;
  paymentRecorded: boolean | null | undefined;
  canUseApp: boolean | null | undefined;
}

/** Only the facts the category asks for go to the core; the rest of the form is left behind. */
export function factsFor(required: readonly IntakeField[], facts: IntakeFacts): ComplaintView['facts'] {
  const out: ComplaintView['facts'] = {};
  for (const field of required) {
    const value = facts[field];
    if (value === null || value === undefined || value === '') continue;
    if (field === 'billingReason' && typeof value === 'string') out.billingReason = value;
    if ((field === 'disbursementStartedAt' || field === 'paidAt') && typeof value === 'number') out[field] = value;
    if ((field === 'paymentRecorded' || field === 'canUseApp') && typeof value === 'boolean') out[field] = value;
  }
  return out;
}

/** A phone or NIK typed in the search box names which datum verified the customer. */
export function guessVerifier(query: string): 'phone' | 'nik' | 'full-name' {
  const digits = query.replace(/[\s\-+()]/g, '');
  if (/^\d{16}$/.test(digits)) return 'nik';
  if (/^\d{8,15}$/.test(digits)) return 'phone';
  return 'full-name';
}

/** A file read in the browser, as the contract carries it. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Offers a file the core made (PDF, xlsx, an attachment) as a download. */
export function downloadBase64(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type SlaClockView = ComplaintSummary['sla']['firstResponse'];

/**
 * The complaints that newly need attention since the last look: only those get a desktop
 * notification, so a complaint already announced does not ring again at every poll.
 */
export function newlyDue(seen: ReadonlySet<string>, current: readonly { id: string }[]): string[] {
  return current.filter((c) => !seen.has(c.id)).map((c) => c.id);
}
