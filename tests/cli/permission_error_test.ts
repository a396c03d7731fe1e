import { strictEqual } from "node:assert/strict";
import { describePermissionError } from "../../src/cli/permission_error.ts";

Deno.test("describePermissionError() turns Deno's message into the flag to add", async (t) => {
  const cases: [string, string][] = [
    [
      'Requires read access to "/etc/x", run again with the --allow-read flag',
      'rune: cannot continue: the read permission for "/etc/x" is not granted\n' +
      '  hint: run with --allow-read=/etc/x, or with rune\'s permission set: deno run -P (deno.json "permissions")',
    ],
    [
      "Requires env access, run again with the --allow-env flag",
      "rune: cannot continue: the env permission is not granted\n" +
      '  hint: run with --allow-env, or with rune\'s permission set: deno run -P (deno.json "permissions")',
    ],
    [
      'Requires run access to "tmux", run again with the --allow-run flag',
      'rune: cannot continue: the run permission for "tmux" is not granted\n' +
      '  hint: run with --allow-run=tmux, or with rune\'s permission set: deno run -P (deno.json "permissions")',
    ],
    ["something odd", "rune: a Deno permission is missing: something odd"],
  ];
  for (const [message, want] of cases) {
    await t.step(message, () => strictEqual(describePermissionError(message), want));
  }
});
