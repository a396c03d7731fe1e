/**
 * A work session whose project left the config (renamed, removed) still closes: `rune stop`,
 * `rune stop NAME` as `rune status` shows it, and the stop that `on_switch: stop` runs before
 * another start. Found by the reliability suite (tests/stress/hostile_values_test.ts): a
 * configured name such as "Web App" is stored as "web app", which project detection, meeting
 * it as an unknown name, rewrote to "web-app", so the session stayed open for good.
 */
import { match, strictEqual } from "node:assert/strict";
import { said, withTrackingHome } from "./tracking_helpers.ts";

const RENAMED = "settings: {tracking: {on_switch: stop}}\nprojects: [{name: other}]\n";

for (
  const [how, args] of [
    ["rune stop", ["stop"]],
    ["rune stop NAME", ["stop", "web app"]],
    ["rune stop --skip-rituals", ["stop", "--skip-rituals"]],
    ["on_switch: stop", ["start", "other"]],
  ] as const
) {
  Deno.test(`${how} closes a session whose project left the config`, async () => {
    await withTrackingHome(async (t) => {
      t.home.writeConfig('projects: [{name: "Web App"}]\n');
      strictEqual((await t.rune(["start", "Web App"])).code, 0);
      t.home.writeConfig(RENAMED);
      const r = await t.rune([...args]);
      strictEqual(r.code, 0, said(r));
      match(said(r), /stopped "web app"/);
      const sessions = await t.sessions();
      strictEqual(sessions.filter((s) => s.project === "web app" && s.end_time).length, 1);
    });
  });
}
