/**
 * Go-template style placeholders (`{{.Project}}`, as Rune and the seed write them; `{{.Var.x}}`)
 * rewritten to Handlebars (`{{Project}}`, `{{Var.x}}`), with a map back to the author's offsets. Pure.
 *
 * Only the template text is rewritten, never a value. `{{- .X -}}` (Go's trim markers) becomes
 * `{{~ X ~}}`, so the text still parses and parse.ts can refuse the markers where they stand. An escaped mustache (`\{{.ID}}`, Handlebars' way to write a literal `{{`) is
 * left alone; `\\{{.X}}` is a backslash followed by a real placeholder, as Handlebars reads it.
 */

/** `{{.Name}}`, and `{{.Var.name}}` / `{{.Env.NAME}}` (the two maps of variables). */
const GO_PLACEHOLDER =
  /\{\{(~|-(?=\s))?(\s*)\.((?:Var\.|Env\.)?[A-Za-z_][A-Za-z0-9_]*)(\s*)(~|(?<=\s)-)?\}\}/g;

export interface Rewritten {
  text: string;
  /** Rewritten offset → offset in the author's text. */
  original(offset: number): number;
}

export function rewriteGoStyle(text: string): Rewritten {
  /** Rewritten positions at which one character (a `.`) was removed, ascending. */
  const removedAt: number[] = [];
  let out = "";
  let last = 0;
  for (const m of text.matchAll(GO_PLACEHOLDER)) {
    const at = m.index;
    if (text[at - 1] === "\\" && text[at - 2] !== "\\") continue;
    const [whole, open = "", before, name, after, close = ""] = m;
    out += text.slice(last, at);
    const dot = at + 2 + open.length + before.length;
    removedAt.push(dot - removedAt.length);
    out += `{{${open && "~"}${before}${name}${after}${close && "~"}}}`;
    last = at + whole.length;
  }
  if (!removedAt.length) return { text, original: (offset) => offset };
  out += text.slice(last);
  return {
    text: out,
    original(offset) {
      let shift = 0;
      while (shift < removedAt.length && removedAt[shift] <= offset) shift++;
      return offset + shift;
    },
  };
}
