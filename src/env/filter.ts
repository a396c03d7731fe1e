/**
 * The environment every child gets: rune's own, minus secrets. Pure.
 *
 * Rune (Go) drops any name containing KEY, PASS, AUTH, SSH_, SESSION, DO_, … which also removes
 * SSH_AUTH_SOCK (git over ssh stops working), DBUS_SESSION_BUS_ADDRESS and XDG_SESSION_* (desktop
 * notifications), KEYTIMEOUT, PASSENGER_*, SUDO_USER… rune removes names that *hold* secrets and
 * keeps the sockets and settings tools need. A part that is only a secret at the END of a name
 * (KEY, PASS, PWD, AUTH) counts only there: SMTP_PASS and JWT_KEY go, PASSENGER_ENV and
 * KEYTIMEOUT stay.
 *   removed: AWS_SECRET_ACCESS_KEY, AWS_ACCESS_KEY_ID, GITHUB_TOKEN, PGPASSWORD, DB_PASSWORD,
 *            STRIPE_API_KEY, MY_PRIVATE_KEY, GOOGLE_APPLICATION_CREDENTIALS, SESSION_COOKIE,
 *            SMTP_PASS, DB_PWD, NPM_CONFIG__AUTH, JWT_KEY, …
 *   kept:    SSH_AUTH_SOCK, SSH_AGENT_PID, GPG_AGENT_INFO, DBUS_SESSION_BUS_ADDRESS,
 *            XDG_SESSION_ID, KEYTIMEOUT, TERM, PATH, HOME, LANG, LC_*, …
 */

export interface EnvRules {
  /** Names or globs (`*` matches any run) passed even if they look secret. */
  allow?: readonly string[];
  /** Names or globs always removed. */
  deny?: readonly string[];
}

export interface FilteredEnv {
  kept: Record<string, string>;
  /** Sorted names removed (never values). */
  removed: string[];
}

/** A name containing any of these holds a secret (substring match, case-insensitive). */
const SECRET_PARTS = [
  "TOKEN",
  "SECRET",
  "PASSWORD",
  "PASSWD",
  "PASSPHRASE",
  "CREDENTIAL",
  "COOKIE",
  "BEARER",
  "PRIVATE_KEY",
  "API_KEY",
  "APIKEY",
  "ACCESS_KEY",
  "SIGNING_KEY",
  "ENCRYPTION_KEY",
  "CLIENT_KEY",
];

/** Whole names that are secrets though no part says so. */
const SECRET_NAMES = new Set([
  "MYSQL_PWD",
  "REDISCLI_AUTH",
  "SENTRY_DSN",
  "RUNE_SENTRY_DSN",
  "DATABASE_URL",
  "AZURE_CLIENT_ID",
  "AZURE_TENANT_ID",
  "VAULT_TOKEN",
]);

/** Tools need these; none holds a secret by itself. Checked before the markers. */
const ALWAYS_KEPT = new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TERM",
  "COLORTERM",
  "TERM_PROGRAM",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TMPDIR",
  "EDITOR",
  "VISUAL",
  "PAGER",
  "DISPLAY",
  "WAYLAND_DISPLAY",
  "SSH_AUTH_SOCK",
  "SSH_AGENT_PID",
  "SSH_CONNECTION",
  "SSH_TTY",
  "GPG_AGENT_INFO",
  "GPG_TTY",
  "DBUS_SESSION_BUS_ADDRESS",
  "XDG_RUNTIME_DIR",
  "TMUX",
  "TMUX_PANE",
  "KEYTIMEOUT",
  "SUDO_USER",
  "SUDO_UID",
  "SUDO_GID",
  "TOKENIZERS_PARALLELISM",
]);

const KEPT_PREFIXES = ["LC_", "XDG_"];

/** Name endings that hold a secret (`_KEY` but not `KEYTIMEOUT`, `_PASS` but not `PASSENGER`). */
const SECRET_SUFFIXES = ["_KEY", "_PASS", "_PWD", "_AUTH"];

/** Whether `name` looks like it holds a secret (rune's default rule, before settings). */
export function looksSecret(name: string): boolean {
  const upper = name.toUpperCase();
  if (ALWAYS_KEPT.has(upper) || KEPT_PREFIXES.some((p) => upper.startsWith(p))) return false;
  return SECRET_NAMES.has(upper) || SECRET_PARTS.some((part) => upper.includes(part)) ||
    SECRET_SUFFIXES.some((suffix) => upper.endsWith(suffix));
}

/** `AWS_*` → /^AWS_.*$/; exact names match exactly (case-sensitive, as env names are). */
function globMatcher(patterns: readonly string[]): (name: string) => boolean {
  const res = patterns.map((p) =>
    new RegExp(`^${p.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
  );
  return (name) => res.some((re) => re.test(name));
}

/**
 * Splits `env` into what children get and the names withheld. deny beats allow beats the
 * default rule. Loader variables are always withheld (see isLoaderVariable).
 */
export function filterEnv(
  env: Readonly<Record<string, string>>,
  rules: EnvRules = {},
): FilteredEnv {
  const withheld = withheldBy(rules);
  const kept: Record<string, string> = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (withheld(name)) removed.push(name);
    else kept[name] = value;
  }
  return { kept, removed: removed.sort() };
}

/** The filter's verdict on one name, whatever its value: true when children never get it. */
export function withheldBy(rules: EnvRules = {}): (name: string) => boolean {
  const denied = globMatcher(rules.deny ?? []);
  const allowed = globMatcher(rules.allow ?? []);
  return (name) => isLoaderVariable(name) || denied(name) || (!allowed(name) && looksSecret(name));
}

/**
 * LD_PRELOAD, LD_LIBRARY_PATH, DYLD_*: Deno refuses to spawn any child whose environment holds
 * them unless rune has every run permission (NotCapable), so they can never be passed; a
 * command that needs one sets it in its own text (`LD_LIBRARY_PATH=/x make`).
 */
export function isLoaderVariable(name: string): boolean {
  return name.startsWith("LD_") || name.startsWith("DYLD_");
}

/**
 * The environment children get once the filter has decided: `env` without `removed` (the
 * names a Plan lists in envRemoved), so the decision is made once, by the planner.
 */
export function withoutNames(
  env: Readonly<Record<string, string>>,
  removed: readonly string[],
): Record<string, string> {
  const drop = new Set(removed);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !drop.has(name)));
}

/** The variables rune withholds: in its own environment but not in the filtered one. */
export function hiddenNames(
  parentEnv: Readonly<Record<string, string>>,
  baseEnv: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(parentEnv).filter((k) => !(k in baseEnv)).sort();
}
