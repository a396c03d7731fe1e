/**
 * Huge values shortened for people: a message or a plan names a 10 MB value by its start and
 * its size, never prints it whole. Pure. (`--json` keeps values whole.)
 */

/** Longest value a message shows whole, in characters: long paths stay whole, 10 MB do not. */
export const SHOWN_VALUE_MAX = 240;

/** 10485760 → "10,485,760 bytes" */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} byte${bytes === 1 ? "" : "s"}`;
}

/** The UTF-8 size of `text`, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * `value` when it has at most `max` characters; else its first `max` characters, "…" and its
 * whole size: "aaaa… 10,485,760 bytes". Never cuts a character in two.
 */
export function shortenValue(value: string, max = SHOWN_VALUE_MAX): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last < 0xdc00) end--;
  return `${value.slice(0, end)}… ${formatBytes(utf8Length(value))}`;
}

/**
 * `text` with every quoted value longer than `max` characters shortened (`"aaaa… 10,485,760
 * bytes"`): the human form of a message that quotes a huge value, as STYLE quotes values.
 */
export function shortenQuoted(text: string, max = SHOWN_VALUE_MAX): string {
  if (text.length <= max) return text;
  return text.replace(
    /"((?:[^"\\]|\\.)*)"/g,
    (whole, inner: string) => inner.length > max ? `"${shortenValue(inner, max)}"` : whole,
  );
}
