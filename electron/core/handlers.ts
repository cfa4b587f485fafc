import type { HandlerMap, ProjectorMap } from './dispatch/types';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { authProjectors } from './auth/projectors';
import { userHandlers } from './auth/users-handlers';
import { complaintHandlers } from './complaints/handlers';
import { complaintProjectors } from './complaints/projectors';
import { kbHandlers } from './kb/handlers';
import { kbProjectors } from './kb/projectors';
import { otpHandlers } from './otp/handlers';
import { otpProjectors } from './otp/projectors';
import { expectedPaymentHandlers } from './payments/expected-handlers';
import { importHandlers } from './payments/import-handlers';
import { invoiceHandlers } from './invoices/handlers';
import { noticeHandlers } from './invoices/notice-handlers';
import { invoiceProjectors } from './invoices/projectors';
import { paymentProjectors } from './payments/projectors';
import { verificationHandlers } from './payments/verification-handlers';
import { reportHandlers } from './reports/handlers';
import { settingsHandlers } from './settings/handlers';
import { settingsProjectors } from './settings/projectors';
import { syncHandlers } from './sync/handlers';
import { syncProjectors } from './sync/projectors';

// Each capability registers its handler map and its projectors here; the type makes a method of
// the contract without a handler a compile error.
export const handlers: HandlerMap = {
  ...settingsHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...syncHandlers,
  ...otpHandlers,
  ...complaintHandlers,
  // the complaints desk's files (xlsx, PDF); after complaintHandlers, so these are the ones used
  ...reportHandlers,
  ...kbHandlers,
  ...expectedPaymentHandlers,
  ...importHandlers,
  ...verificationHandlers,
  ...invoiceHandlers,
  ...noticeHandlers,
};

export const projectors: ProjectorMap = {
  ...settingsProjectors,
  ...authProjectors,
  ...syncProjectors,
  ...otpProjectors,
  ...complaintProjectors,
  ...kbProjectors,
  ...paymentProjectors,
  ...invoiceProjectors,
};
