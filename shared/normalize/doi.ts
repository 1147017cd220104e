const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/u;

/** The lower-case DOI a value names (bare, `doi:` or a resolver URL), or null. */
export function parseDoi(value: string): string | null {
  const match = DOI.exec(decodeSafely(value.trim()));
  if (!match) return null;
  return match[1]!.replace(/[.,;)\]]+$/u, '').toLowerCase();
}

export function findDoi(values: readonly (string | null)[]): string | null {
  for (const value of values) {
    const doi = value === null ? null : parseDoi(value);
    if (doi) return doi;
  }
  return null;
}

function decodeSafely(value: string): string {
  try {
    return value.includes('%') ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
