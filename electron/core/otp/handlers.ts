import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { toLocalParts } from '../../../shared/domain/time';
import type { ApplicationStatus } from '../../../shared/otp/model';
import { nextStatus, type ApplicationAction } from '../../../shared/otp/rules';
import type { Actor, CallContext, HandlerMap } from '../dispatch/types';
import type { Db } from '../ledger/sql';
import { checkApplication, normalizeIndonesianPhone } from './fields';
import { findApplication, listApplications, searchByPhone, toApplicationView, type ApplicationRecord } from './queries';
import { otpHeadoffice, otpRefusal, syncSoon } from './remote';

// Account-opening consent by OTP (seed 000). The desk records the application and its two
// approvals; head office sends and checks the codes, and the desk learns the outcome by pull.

function existing(db: Db, id: string): ApplicationRecord {
  const application = findApplication(db, id);
  if (!application) throw new ApiError('not_found', 'errors.notFound');
  return application;
}

function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new ApiError('unauthenticated', 'errors.unauthenticated');
  return ctx.actor;
}

/** The status an action leads to, or the contract's refusal naming the current status. */
function allowed(application: ApplicationRecord, action: ApplicationAction): ApplicationStatus {
  const next = nextStatus(application.status, action);
  if (!next.ok) throw new ApiError('conflict', next.key, { status: application.status });
  return next.status;
}

const LEVEL_ROLE = { kasie: 'Kasie', kacab: 'Kacab' } as const;

/**
 * Which approval an approve or reject is: the application's state says whose turn it is (Kasie
 * for Waiting Kasie, Kacab for Waiting Kacab), and the caller must hold that role. A person with
 * both roles thus acts at the level the application is at, never at both by accident.
 */
function levelFor(application: ApplicationRecord, actor: Actor): 'kasie' | 'kacab' {
  const level = application.status === 'Waiting Kasie' ? 'kasie' : application.status === 'Waiting Kacab' ? 'kacab' : null;
  if (!level) throw new ApiError('conflict', 'otp.errors.wrongState', { status: application.status });
  if (!actor.roles.includes(level)) throw new ApiError('forbidden', 'otp.errors.approverRole', { role: LEVEL_ROLE[level] });
  return level;
}

/**
 * Four eyes: the Kacab's approval must be a second person's, and neither approval may be given
 * by whoever made the application. Refusing is not limited: stopping an application needs no
 * second person.
 */
function fourEyes(application: ApplicationRecord, actor: Actor, level: 'kasie' | 'kacab'): void {
  if (application.createdBy === actor.userId) throw new ApiError('conflict', 'otp.errors.ownApplication');
  if (level === 'kacab' && application.kasieBy === actor.userId) throw new ApiError('conflict', 'otp.errors.sameApprover');
}

function view(db: Db, id: string) {
  return toApplicationView(existing(db, id));
}

/** Any common way of typing a number, read for matching: `+62…` E.164, or null if it is none. */
function phoneOrNull(text: string): string | null {
  const phone = normalizeIndonesianPhone(text);
  return phone.ok ? phone.e164 : null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const otpHandlers: HandlerMap<
  'otp.list' | 'otp.get' | 'otp.create' | 'otp.submit' | 'otp.approve' | 'otp.reject' | 'otp.cancel' | 'otp.resend' | 'otp.search' | 'otp.validate'
> = {
  'otp.list': {
    run: (tx, input) => {
      const text = input.text;
      const filter = {
        status: input.status,
        text: text ? { pattern: likePattern(text), nikPattern: likePattern(text.replace(/[\s.-]/g, '')), phone: phoneOrNull(text) } : undefined,
      };
      return { applications: listApplications(tx.db, filter).map(toApplicationView) };
    },
  },
  'otp.get': { run: (tx, input) => view(tx.db, input.id) },
  'otp.create': {
    run: (tx, input) => {
      const checked = checkApplication(input, toLocalParts(tx.now, 'WIB').year);
      if (!checked.ok) throw ApiError.badInput(checked.issues);
      const id = randomUUID();
      tx.emit('otp.applicationCreated', { id, ...checked.fields });
      if (input.submit) tx.emit('otp.applicationSubmitted', { id });
      return view(tx.db, id);
    },
  },
  'otp.submit': {
    run: (tx, input) => {
      allowed(existing(tx.db, input.id), { kind: 'submit' });
      tx.emit('otp.applicationSubmitted', { id: input.id });
      return view(tx.db, input.id);
    },
  },
  'otp.approve': {
    run: (tx, input) => {
      const application = existing(tx.db, input.id);
      const actor = actorOf(tx);
      const level = levelFor(application, actor);
      fourEyes(application, actor, level);
      allowed(application, { kind: 'approve', level });
      // The Kacab's approval is what head office answers by sending the first code.
      tx.emit('otp.approved', { id: input.id, level });
      return view(tx.db, input.id);
    },
  },
  'otp.reject': {
    run: (tx, input) => {
      const application = existing(tx.db, input.id);
      const level = levelFor(application, actorOf(tx));
      allowed(application, { kind: 'reject', level });
      tx.emit('otp.rejected', { id: input.id, level, reason: input.reason });
      return view(tx.db, input.id);
    },
  },
  'otp.cancel': {
    run: (tx, input) => {
      allowed(existing(tx.db, input.id), { kind: 'cancel' });
      tx.emit('otp.cancelled', { id: input.id, reason: input.reason });
      return view(tx.db, input.id);
    },
  },
  'otp.resend': {
    // Head office decides (5 minutes apart, 5 a WIB day) and sends; nothing is written here. The
    // desk learns of the send as head office's `otp.sent`, by pull.
    prepare: async (input, ctx) => {
      const application = existing(ctx.core.db, input.id);
      if (application.status !== 'Waiting Confirmation') throw new ApiError('conflict', 'otp.errors.wrongState', { status: application.status });
      const api = otpHeadoffice(ctx);
      try {
        return await api.otpResend({ applicationId: input.id, username: actorOf(ctx).username });
      } catch (error) {
        return otpRefusal(error, application.status);
      } finally {
        syncSoon(ctx);
      }
    },
    run: (_tx, _input, sent) => sent,
  },
  'otp.search': {
    run: (tx, input) => {
      const phone = normalizeIndonesianPhone(input.phone);
      if (!phone.ok) throw ApiError.badInput([{ path: 'phone', key: 'otp.errors.phone', params: { reason: phone.reason } }]);
      return { applications: searchByPhone(tx.db, phone.e164).map(toApplicationView) };
    },
  },
  'otp.validate': {
    prepare: async (input, ctx) => {
      const application = existing(ctx.core.db, input.id);
      // In Progress is only ever set by head office's confirmation: the second validation of the
      // same consent is answered here, even offline, and changes nothing.
      if (application.status === 'In Progress') return { result: 'alreadyConfirmed' as const };
      if (application.status !== 'Waiting Confirmation') throw new ApiError('conflict', 'otp.errors.wrongState', { status: application.status });
      const api = otpHeadoffice(ctx);
      try {
        return await api.otpValidate({ applicationId: input.id, code: input.code, username: actorOf(ctx).username });
      } catch (error) {
        return otpRefusal(error, application.status);
      } finally {
        syncSoon(ctx);
      }
    },
    run: (_tx, _input, answer) => answer,
  },
};
