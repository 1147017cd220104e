import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the web server: only this machine's browser, holding the token printed at start.
 *
 * The app lives under a path that is the token, `/TOKEN/`: its page, its files and its WebSocket.
 * No cookie carries the token, because a browser sends a host's cookies to every port of it: any
 * other service on 127.0.0.1 would receive it. A path goes only where it is asked for.
 */
export class WebAccess {
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly token: string,
    private readonly port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
  }

  /** The app's page; the files it loads are under the same path. */
  get appPath(): string {
    return `/${this.token}/`;
  }

  /** The link printed at start. */
  appUrl(host: string): string {
    return `http://${host}:${this.port}${this.appPath}`;
  }

  /** A Host header naming anything else is a DNS-rebinding attempt. */
  hostAllowed(request: IncomingMessage): boolean {
    return this.allowedHosts.has(request.headers.host ?? '');
  }

  /** A browser always sends Origin on a WebSocket upgrade; only our own page may open one. */
  originAllowed(request: IncomingMessage): boolean {
    return this.allowedOrigins.has(request.headers.origin ?? '');
  }

  /** A link of the form earlier versions printed, `/?token=TOKEN`. */
  tokenInQuery(url: URL): boolean {
    return this.matches(url.searchParams.get('token'));
  }

  /**
   * The path within the app that `url` asks for ("/" for the page), "" for the app's path without
   * its closing slash, or null when the path does not begin with the token.
   */
  pathInApp(url: URL): string | null {
    const end = url.pathname.indexOf('/', 1);
    const first = url.pathname.slice(1, end === -1 ? undefined : end);
    if (!this.matches(first)) return null;
    return end === -1 ? '' : url.pathname.slice(end);
  }

  private matches(candidate: string | null): boolean {
    if (candidate === null) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
