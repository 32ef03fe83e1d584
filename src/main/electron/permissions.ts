/**
 * Permission handlers, request and check, from an allowlist: the camera (video only, for licence
 * scanning) for our own page; everything else is denied and logged.
 */
import type { Session } from 'electron';

export function installPermissionHandlers(session: Session, isOwn: (url: string) => boolean): void {
  session.setPermissionRequestHandler(null);
  session.setPermissionCheckHandler(null);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const allowed =
      permission === 'media' &&
      isOwn(details.requestingUrl) &&
      media.length > 0 &&
      media.every((type) => type === 'video');
    if (!allowed) console.warn(`permission denied: ${permission}`);
    callback(allowed);
  });

  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    return (
      permission === 'media' &&
      isOwn(details.requestingUrl ?? requestingOrigin) &&
      details.mediaType === 'video'
    );
  });
}
