import type { z } from 'zod';
import { auditMethods } from './methods/audit';
import { authMethods } from './methods/auth';
import { settingsMethods } from './methods/settings';
import { setupMethods } from './methods/setup';
import { syncMethods } from './methods/sync';
import { otpMethods } from './methods/otp';
import { complaintMethods } from './methods/complaints';
import { kbMethods } from './methods/kb';
import { paymentMethods } from './methods/payments';
import { invoiceMethods } from './methods/invoices';
import { userMethods } from './methods/users';

// The whole contract: every capability declares its methods in methods/<capability>.ts and is
// spread in here. IPC, HTTP and the CLI all dispatch by these names.
export const methods = {
  ...setupMethods,
  ...authMethods,
  ...userMethods,
  ...auditMethods,
  ...settingsMethods,
  ...syncMethods,
  ...otpMethods,
  ...complaintMethods,
  ...kbMethods,
  ...paymentMethods,
  ...invoiceMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './errors';
export * from './contract';
