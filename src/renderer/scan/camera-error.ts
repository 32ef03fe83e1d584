/**
 * Why the camera could not be used, in terms the screen can put plainly to the cashier.
 * no_camera: none connected (NotFoundError, OverconstrainedError);
 * permission_denied: refused by the user or the app's permission policy (NotAllowedError, SecurityError);
 * in_use: another program holds it, or the hardware failed to start (NotReadableError, AbortError);
 * unsupported: no camera API here (insecure context, old browser);
 * decoder_failed: the barcode decoder could not start;
 * failed: anything else.
 */
export type CameraErrorKind =
  'no_camera' | 'permission_denied' | 'in_use' | 'unsupported' | 'decoder_failed' | 'failed';

export class CameraError extends Error {
  constructor(
    readonly kind: CameraErrorKind,
    /** The DOMException name it came from, for the log. */
    readonly domName?: string,
  ) {
    super(`Camera: ${kind}${domName ? ` (${domName})` : ''}`);
    this.name = 'CameraError';
  }
}

const BY_NAME: Readonly<Record<string, CameraErrorKind>> = {
  NotFoundError: 'no_camera',
  DevicesNotFoundError: 'no_camera',
  OverconstrainedError: 'no_camera',
  NotAllowedError: 'permission_denied',
  PermissionDeniedError: 'permission_denied',
  SecurityError: 'permission_denied',
  NotReadableError: 'in_use',
  TrackStartError: 'in_use',
  AbortError: 'in_use',
  TypeError: 'unsupported',
};

/** Classifies what getUserMedia (or anything after it) threw. */
export function toCameraError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
  return new CameraError((name && BY_NAME[name]) || 'failed', name);
}
