import { z } from 'zod';
import { defineMethods } from '../contract';
import { branchCode, branchView, displayName, newPassword, timeZone, userView, username } from '../schemas';

export const setupMethods = defineMethods({
  /** Whether this desk has a branch yet; the first screen asks this before anything else. */
  'setup.status': {
    input: z.object({}),
    output: z.object({
      initialized: z.boolean(),
      branch: branchView.nullable(),
      deviceId: z.string().nullable(),
      /** Where this desk syncs (and the desktop app looks for updates); null before enrollment. */
      headofficeUrl: z.string().nullable(),
    }),
    access: 'public',
    mutates: false,
  },
  /** First run only: creates the branch and its first admin. Refused once a branch exists. */
  'setup.init': {
    input: z.object({
      branch: z.object({ code: branchCode, name: displayName, timeZone }),
      admin: z.object({ username, displayName, password: newPassword }),
    }),
    output: z.object({ branch: branchView, admin: userView }),
    access: 'public',
    mutates: true,
  },
});
