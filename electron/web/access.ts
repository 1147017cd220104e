import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Who may talk to the web server: only this machine's browser, holding the token printed at start. */
export class WebAccess {
  readonly cookieName: string;
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    // Cookies are not scoped by port, so two Paperdrop servers must not share a cookie name.
    this.cookieName = `paperdrop_token_${port}`;
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
  }

  /** A Host header naming anything else is a DNS-rebinding attempt. */
  hostAllowed(request: IncomingMessage): boolean {
    return this.allowedHosts.has(request.headers.host ?? '');
  }

  /** A browser always sends Origin on a WebSocket upgrade; only our own page may open one. */
  originAllowed(request: IncomingMessage): boolean {
    return this.allowedOrigins.has(request.headers.origin ?? '');
  }

  tokenInQuery(url: URL): boolean {
    return this.matches(url.searchParams.get('token'));
  }

  tokenInCookie(request: IncomingMessage): boolean {
    return this.matches(readCookie(request.headers.cookie ?? '', this.cookieName));
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict`;
  }

  private matches(candidate: string | null): boolean {
    if (candidate === null) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
