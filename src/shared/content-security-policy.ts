/**
 * The page's Content-Security-Policy, used by the browser host's header and by Electron's session.
 * The renderer talks only to its own origin (never to Flexiti); add a directive only when a feature
 * proves it needs it. 'wasm-unsafe-eval' lets the licence decoder compile its bundled WebAssembly
 * (zxing); it does not allow eval() of JavaScript.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
