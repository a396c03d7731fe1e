import { deepStrictEqual } from "node:assert/strict";
import { parseSessionList } from "../../src/tmux/sessions.ts";

Deno.test("parseSessionList() keeps only sessions carrying rune's mark", () => {
  // Captured from `tmux list-sessions -F LIST_FORMAT` with one foreign session.
  const captured =
    "dev-web\tweb\t4\t1\t1795742544\nmine\t\t1\t0\t1795742500\nsp ace\tapi\t2\t0\t1795742600\n";
  deepStrictEqual(parseSessionList(captured), [
    { name: "dev-web", project: "web", windows: 4, attached: 1, created: 1795742544 },
    { name: "sp ace", project: "api", windows: 2, attached: 0, created: 1795742600 },
  ]);
});
