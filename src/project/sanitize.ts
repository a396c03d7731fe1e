/** Project names as rune uses them: per_project keys, {{.Project}}, log directories. Pure. */

export const MAX_NAME_LENGTH = 64;
/** What a name with no usable character becomes. */
export const FALLBACK_NAME = "project";

/**
 * Lowercases `raw` and turns every run of characters outside [a-z0-9_-] into one "-" (and
 * "--" into "-"), trimmed of "-" at both ends, at most 64 characters. Accents are dropped first (NFKD), so
 * "Café" is "cafe". Returns "" when nothing usable is left; callers choose the fallback.
 */
export function sanitizeName(raw: string): string {
  const folded = raw.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const dashed = folded.replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(
    /^-+|-+$/g,
    "",
  );
  return dashed.slice(0, MAX_NAME_LENGTH).replace(/-+$/, "");
}

/** `sanitizeName`, or "project" when nothing usable is left. */
export function sanitizeNameOrFallback(raw: string): string {
  return sanitizeName(raw) || FALLBACK_NAME;
}

/** "@acme/web-ui" → "web-ui"; other names unchanged. */
export function stripNpmScope(name: string): string {
  const m = name.match(/^@[^/]+\/(.+)$/);
  return m ? m[1] : name;
}
