/**
 * The renderer's Content-Security-Policy. The build writes it into index.html's meta tag
 * (Electron), and web mode also sends it as a header with frame-ancestors, which a meta tag cannot carry.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
