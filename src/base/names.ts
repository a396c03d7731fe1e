/**
 * Names made safe for where rune puts them: tmux session and window names that tmux reads back
 * exactly as written, and single path components. Pure.
 *
 * tmux reads `.` and `:` in a target as window/pane separators and format-expands `#`
 * (`#(cmd)` runs a shell command in -s and -c values; FACTS §2). tmux 3.3a also rewrites what
 * it stores (session_check_name → utf8_stravis): `\` becomes `\\`, a `$` before a letter, `_`
 * or `{` becomes `\$`, and control, unassigned and other unprintable characters become octal
 * escapes; a target is matched against the stored bytes, so such a name is never found by the
 * name rune gave (notes/tmux_names.md N1, N2). Without the `=` exact-match prefix (a person
 * typing `tmux attach -t NAME`), a leading `$`, `@`, `%` reads as an id and `=`, `~`, `!`, `+`,
 * `-`, `^`, `{` as target syntax. Control and bidi characters garble status lines and spoof
 * names on screen.
 */

/** Longest name rune makes, in characters (code points); longer names are cut. */
export const TMUX_NAME_MAX = 64;

/** The name used when nothing printable is left. */
export const TMUX_NAME_FALLBACK = "rune";

// C0, DEL, C1 controls; unassigned code points and noncharacters (tmux escapes them in octal);
// lone surrogates; line/paragraph separators; bidi embeddings, overrides and isolates.
const UNPRINTABLE = /[\p{Cc}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// Target separators, formats, and what tmux's stored name would escape with a backslash.
const TARGET_SYNTAX = /[.:#\\$]/g;
const LEADING_TARGET_SYNTAX = /^[$@%=~!+\-^{]/;

/**
 * `name` made safe as a tmux session or window name, and a fixed point of tmux 3.3a's own
 * rewrite, so the name rune reports, the one it targets and the one tmux stores are the same:
 * `.`, `:`, `#`, `\` and `$` become `_` (as tmuxinator does for `.` and `:`), control,
 * unassigned and bidi characters are removed, surrounding blanks are trimmed, a leading
 * character tmux reads as target syntax becomes `_`, and the result is cut to
 * {@link TMUX_NAME_MAX} characters. Never empty: `fallback` when nothing is left. (Which
 * assigned characters tmux escapes depends on the server's libc `wcwidth`; the tmux executor
 * reads the stored name back and refuses a session whose name tmux changed.)
 */
export function sanitizeTmuxName(name: string, fallback = TMUX_NAME_FALLBACK): string {
  let out = name.replace(UNPRINTABLE, "").replace(TARGET_SYNTAX, "_").trim();
  const chars = Array.from(out);
  if (chars.length > TMUX_NAME_MAX) out = chars.slice(0, TMUX_NAME_MAX).join("").trimEnd();
  out = out.replace(LEADING_TARGET_SYNTAX, "_");
  return out === "" ? fallback : out;
}

/** Longest path component rune makes from a name, in UTF-8 bytes (NAME_MAX is 255). */
export const PATH_COMPONENT_MAX_BYTES = 100;

const NOT_IN_PATH_COMPONENT = /[^\p{L}\p{N}._+=@,-]+/gu;
const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source, "u");

/** Whether `name` holds a control, line-separator or bidi character (NUL included). */
export function hasUnprintable(name: string): boolean {
  return HAS_UNPRINTABLE.test(name);
}

/**
 * Whether `name` cannot be one path component as it is: it holds "/" or is "." or "..".
 * (Control characters are {@link hasUnprintable}'s.)
 */
export function isPathLike(name: string): boolean {
  return name.includes("/") || name === "." || name === "..";
}

/**
 * `name` as ONE safe file or directory name, for every name that becomes part of a path (log
 * files, the background registry, transcripts, stores): every run of characters other than
 * letters, digits and `. _ + = @ , -` (so "/", "\\", NUL, control and bidi characters, blanks)
 * becomes one "-"; leading "." and "-" are dropped (no "..", no hidden file, no option-like
 * name); cut to {@link PATH_COMPONENT_MAX_BYTES} bytes. Never empty, "." or "..": `fallback`
 * when nothing is left (`fallback` itself must be safe). A name that is already safe comes back
 * unchanged.
 */
export function pathComponent(name: string, fallback = "unnamed"): string {
  const safe = name.normalize("NFC").replace(NOT_IN_PATH_COMPONENT, "-").replace(/^[.-]+/, "");
  let out = "";
  let bytes = 0;
  for (const ch of safe) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > PATH_COMPONENT_MAX_BYTES) break;
    out += ch;
  }
  out = out.replace(/-+$/, "");
  return out === "" ? fallback : out;
}
