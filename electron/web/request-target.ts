/**
 * The path and query a request asks for. Only origin-form targets ("/path?query") are taken:
 * "//host/..." and "*" and absolute URLs get null, so no target can name another origin or throw.
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(`http://paperdrop.invalid${target}`);
  } catch {
    return null;
  }
}
