/**
 * The page's Content Security Policy, for both hosts: only our own scripts (no eval, no inline
 * script; 'wasm-unsafe-eval' lets the live cues compile their 20 KB voice detector, never JS),
 * our own styles, and connections back to our own origin (the web host's WebSocket).
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
].join('; ')
