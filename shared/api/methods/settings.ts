import { z } from 'zod';
import { defineMethods } from '../contract';
import { branchView, displayName, idleLockMinutes, timeZone } from '../schemas';

export const settingsMethods = defineMethods({
  'settings.branch': { input: z.object({}), output: branchView, access: 'authenticated', mutates: false },
  'settings.updateBranch': {
    input: z.object({ name: displayName.optional(), timeZone: timeZone.optional(), idleLockMinutes: idleLockMinutes.optional() }),
    output: branchView,
    access: { roles: ['admin'] },
    mutates: true,
  },
});
