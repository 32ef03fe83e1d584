/**
 * The Content-Security-Policy on every response to our page (the HTML also carries it as a meta
 * tag, for file:// loads where response headers are not seen).
 */
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';

export function installContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}
