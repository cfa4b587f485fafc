import { WORKING_STATUSES, type ComplaintStatus, type WorkingStatus } from './model';
import type { SlaPause } from './sla';

// The life of a complaint (seed 001): the CS handles it; what the CS cannot solve goes to the CS
// manager ("segera melapor ke customer service manager"), who brings in the department concerned
// ("berkoordinasi dengan departemen terkait"). Waiting on the customer (transfer proof by email,
// an answer) pauses the SLA clock.

export type ComplaintAction =
  | { kind: 'escalate-manager' }
  | { kind: 'escalate-department' }
  | { kind: 'wait-customer' }
  /**
   * The customer answered. `resumeTo` is the status the complaint had before it waited; the core
   * reads it from the journal, so a complaint waiting during department work goes back there.
   */
  | { kind: 'customer-replied'; resumeTo: WorkingStatus }
  | { kind: 'resolve' }
  | { kind: 'reopen' };

export type ComplaintActionKind = ComplaintAction['kind'];

export type ComplaintTransition = { ok: true; status: ComplaintStatus } | { ok: false; key: 'complaints.errors.wrongState' };

const isWorking = (status: ComplaintStatus): status is WorkingStatus => (WORKING_STATUSES as readonly string[]).includes(status);

/** The status after `action`, or a refusal when the action makes no sense in `status`. */
export function nextComplaintStatus(status: ComplaintStatus, action: ComplaintAction): ComplaintTransition {
  const to = (next: ComplaintStatus): ComplaintTransition => ({ ok: true, status: next });
  const refuse: ComplaintTransition = { ok: false, key: 'complaints.errors.wrongState' };
  switch (action.kind) {
    case 'escalate-manager':
      // only from the CS desk: a department case does not go back up to the manager
      return status === 'open' || status === 'reopened' ? to('escalated-manager') : refuse;
    case 'escalate-department':
      // the SOP has the CS manager, not the CS, coordinate with the departments
      return status === 'escalated-manager' ? to('escalated-department') : refuse;
    case 'wait-customer':
      return isWorking(status) ? to('waiting-customer') : refuse;
    case 'customer-replied':
      return status === 'waiting-customer' && isWorking(action.resumeTo) ? to(action.resumeTo) : refuse;
    case 'resolve':
      // from waiting too: the customer's silence or a department's fix can settle it
      return isWorking(status) || status === 'waiting-customer' ? to('resolved') : refuse;
    case 'reopen':
      return status === 'resolved' ? to('reopened') : refuse;
  }
}

/** Statuses during which the SLA clocks do not run. */
export function pausesSla(status: ComplaintStatus): boolean {
  // 'resolved' pauses too, so that a reopened complaint is not charged for the days it was closed.
  return status === 'waiting-customer' || status === 'resolved';
}

export interface StatusChange {
  at: number;
  status: ComplaintStatus;
}

/**
 * The SLA pauses implied by a complaint's status history (the journal's status changes, in any
 * order): one pause per stretch spent in a pausing status; the last one open if it still is.
 */
export function slaPausesFromHistory(history: readonly StatusChange[]): SlaPause[] {
  const sorted = [...history].sort((a, b) => a.at - b.at);
  const pauses: SlaPause[] = [];
  let open: SlaPause | null = null;
  for (const change of sorted) {
    if (pausesSla(change.status) && !open) {
      open = { from: change.at, to: null };
      pauses.push(open);
    } else if (!pausesSla(change.status) && open) {
      open.to = change.at;
      open = null;
    }
  }
  return pauses;
}

/** When the complaint was last resolved, if it is resolved now: the stop of the resolution clock. */
export function resolvedAtFromHistory(history: readonly StatusChange[]): number | null {
  const last = [...history].sort((a, b) => a.at - b.at).at(-1);
  return last?.status === 'resolved' ? last.at : null;
}
