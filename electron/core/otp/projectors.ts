import type { ApplicationAction } from '../../../shared/otp/rules';
import { nextStatus } from '../../../shared/otp/rules';
import type { ProjectorMap } from '../dispatch/types';
import type { Db } from '../ledger/sql';
import { findApplication, insertApplication, recordDelivery, recordSend, updateStatus, type ApplicationRecord, type StatusChange } from './queries';

// otp_applications is rebuilt from events only: the desk's own (created, submitted, approved,
// rejected, cancelled) and head office's, which arrive by pull (sent, delivery, confirmed). Every
// desk of the branch that applies the same events ends with the same rows.
//
// A status change follows nextStatus, the same rule the handlers check before emitting. A pulled
// event that does not fit (two desks acted on the same application while apart) throws: sync
// then keeps it in the journal as a visible conflict instead of bending the state silently.

function existing(db: Db, id: string): ApplicationRecord {
  const application = findApplication(db, id);
  if (!application) throw new Error(`otp: application ${id} is not on this desk`);
  return application;
}

function transition(db: Db, id: string, action: ApplicationAction, change: Omit<StatusChange, 'status'>): void {
  const application = existing(db, id);
  const next = nextStatus(application.status, action);
  if (!next.ok) throw new Error(`otp: ${action.kind} does not apply to application ${id} in status ${application.status}`);
  updateStatus(db, id, { ...change, status: next.status });
}

export const otpProjectors: ProjectorMap = {
  'otp.applicationCreated': (db, { payload, at, userId }) => insertApplication(db, { ...payload, createdBy: userId, at }),
  'otp.applicationSubmitted': (db, { payload, at }) => transition(db, payload.id, { kind: 'submit' }, { at }),
  'otp.approved': (db, { payload, at, userId }) =>
    transition(db, payload.id, { kind: 'approve', level: payload.level }, payload.level === 'kasie' ? { at, kasieBy: userId } : { at, kacabBy: userId }),
  'otp.rejected': (db, { payload, at }) =>
    transition(db, payload.id, { kind: 'reject', level: payload.level }, { at, rejectedReason: payload.reason }),
  // The view has one reason for a closed application: a cancellation's goes where a rejection's does.
  'otp.cancelled': (db, { payload, at }) => transition(db, payload.id, { kind: 'cancel' }, { at, rejectedReason: payload.reason }),
  // Head office's facts about codes are recorded whatever the desk's status: they happened.
  'otp.sent': (db, { payload, at }) => {
    existing(db, payload.applicationId);
    recordSend(db, payload.applicationId, { sendNumber: payload.sendNumber, sentAt: payload.sentAt, delivery: payload.delivery, at });
  },
  'otp.deliveryUpdated': (db, { payload, at }) => {
    existing(db, payload.applicationId);
    recordDelivery(db, payload.applicationId, { sendNumber: payload.sendNumber, delivery: payload.delivery, at });
  },
  // Customer and CS may both validate the same consent (seed 000, 4.5): the second changes nothing.
  'otp.confirmed': (db, { payload, at }) => {
    if (existing(db, payload.applicationId).status === 'In Progress') return;
    transition(db, payload.applicationId, { kind: 'confirm' }, { at, confirmedAt: at, confirmedVia: payload.via });
  },
};
