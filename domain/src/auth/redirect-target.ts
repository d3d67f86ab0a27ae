// Where to send a person after signing in (SPEC AUTH8). The target comes from the query string,
// so anyone can craft it: only a path on this site is followed, never another host.

export const DEFAULT_AFTER_SIGN_IN = '/goals';

/** A path on this site, or the default. Refuses `//host`, `/\host` and anything with a scheme. */
export function safeRedirectTarget(
  target: string | null | undefined,
  fallback = DEFAULT_AFTER_SIGN_IN,
): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback;
  }
  // Browsers drop tabs and newlines inside URLs and treat `\` as `/`, so `/\t/evil.example`
  // would become `//evil.example`: resolving against a placeholder origin catches every such
  // trick, because the result must stay on that origin.
  const base = 'http://threadline.invalid';
  let resolved: URL;
  try {
    resolved = new URL(target, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
