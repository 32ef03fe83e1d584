/**
 * The Flexiti API root for the configured environment: the URL that versions and paths are
 * appended to (`<root>v2.5/client-id/...`). Always ends with `/`.
 */
import { isAcceptableApiUrl, type TerminalSettings } from './settings-schema';

/** API roots as Flexiti documents them (reference §1.1). */
export const FLEXITI_API_ROOTS = Object.freeze({
  mi: 'https://posapi-mi.flexiti.fi/flexiti/pos-api/',
  training: 'https://posapi-training.flexiti.fi/flexiti/pos-api/',
  production: 'https://posapi.flexiti.fi/flexiti/pos-api/',
});

const API_PATH = '/flexiti/pos-api/';

export class ApiRootError extends Error {
  constructor(
    readonly code: 'sandbox_url_missing' | 'custom_url_invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ApiRootError';
  }
}

/**
 * A bare origin (`http://127.0.0.1:4010`) gets Flexiti's `/flexiti/pos-api/` path; a URL with a
 * path is taken as the root itself (a proxy may mount the API elsewhere), with a trailing slash.
 */
export function normalizeApiRoot(base: string): string {
  const url = new URL(base);
  if (url.pathname === '/' || url.pathname === '') url.pathname = API_PATH;
  else if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.toString();
}

/**
 * The API root for `settings`. `sandboxUrl` is where the embedded simulator listens (its origin or
 * its API root); it is needed only in the sandbox environment.
 */
export function resolveApiRoot(
  settings: Pick<TerminalSettings, 'environment' | 'customBaseUrl'>,
  sandboxUrl?: string,
): string {
  switch (settings.environment) {
    case 'mi':
    case 'training':
    case 'production':
      return FLEXITI_API_ROOTS[settings.environment];
    case 'sandbox':
      if (sandboxUrl === undefined || !URL.canParse(sandboxUrl)) {
        throw new ApiRootError('sandbox_url_missing', 'The sandbox environment needs the simulator URL.');
      }
      return normalizeApiRoot(sandboxUrl);
    case 'custom': {
      const base = settings.customBaseUrl;
      // Settings are validated on load, but a hand-built object may reach here: check again.
      if (base === undefined || !isAcceptableApiUrl(base)) {
        throw new ApiRootError(
          'custom_url_invalid',
          'The custom environment needs an https base URL (plain http on the loopback only).',
        );
      }
      return normalizeApiRoot(base);
    }
  }
}
