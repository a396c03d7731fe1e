/** rune's version; kept in step with deno.json by tests/version_test.ts. */
export const VERSION = "0.1.0";
