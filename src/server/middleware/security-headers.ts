import { secureHeaders } from 'hono/secure-headers';

/**
 * Strict headers for the API and the web app: scripts, styles and fetches only from our own
 * origin, no inline scripts, no framing. The built web app must not rely on inline code.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // The server voice's MP3 of an interviewer line plays from a blob: URL.
      mediaSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // HSTS on a plain-http localhost server would be ignored at best and sticky at worst.
    strictTransportSecurity: false,
  });
}
