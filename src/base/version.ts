/** rune's version; tests/version_test.ts keeps deno.json and main.ts in step with it. */
export const VERSION = "0.1.0";
