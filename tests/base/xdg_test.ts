import { deepStrictEqual } from "node:assert/strict";
import { runePaths } from "../../src/base/xdg.ts";

Deno.test("runePaths() puts saved data under XDG_DATA_HOME, else ~/.local/share", () => {
  deepStrictEqual(runePaths({ HOME: "/h", XDG_DATA_HOME: "/d" }).dataDir, "/d/rune");
  deepStrictEqual(runePaths({ HOME: "/h" }).dataDir, "/h/.local/share/rune");
  // A relative XDG value is ignored, as the spec says.
  deepStrictEqual(runePaths({ HOME: "/h", XDG_DATA_HOME: "rel" }).dataDir, "/h/.local/share/rune");
});
