import type { HandlerMap, ProjectorMap } from './dispatch/types';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { authProjectors } from './auth/projectors';
import { userHandlers } from './auth/users-handlers';
import { otpHandlers } from './otp/handlers';
import { otpProjectors } from './otp/projectors';
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
};

export const projectors: ProjectorMap = {
  ...settingsProjectors,
  ...authProjectors,
  ...syncProjectors,
  ...otpProjectors,
};
