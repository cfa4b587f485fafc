import type { Session } from 'electron';
import { isPermissionAllowed } from './permission-policy';

// Permissions for every page in the session: see permission-policy.ts for what is allowed and why.
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return isPermissionAllowed(permission, requestingOrigin);
  });
  // WebHID, Web Serial and WebUSB: no device is ever granted.
  session.setDevicePermissionHandler(() => false);
}
