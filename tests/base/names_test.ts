import { strictEqual } from "node:assert/strict";
import { sanitizeTmuxName, TMUX_NAME_MAX } from "../../src/base/names.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";

Deno.test("sanitizeTmuxName() makes names tmux reads back exactly", async (t) => {
  const cases: [string, string][] = [
    ["dev-web", "dev-web"],
    ["home.arpa:lab", "home_arpa_lab"],
    ["a.b:c", "a_b_c"],
    ["..", "__"],
    ["sess#(touch /tmp/p)#{pane_id}", "sess_(touch /tmp/p)_{pane_id}"],
    ["x; rm -rf ~", "x; rm -rf ~"],
    ["tab\there\nnewline\x1b[31mred\x7f", "tabherenewline[31mred"],
    ["bidi \u202egnp.exe", "bidi gnp_exe"],
    ["  padded  ", "padded"],
    ["$1", "_1"],
    ["@2", "_2"],
    ["%3", "_3"],
    ["=exact", "_exact"],
    ["-dash", "_dash"],
    ["{last}", "_last}"],
    ["a-$1", "a-_1"],
    ["hs-$home", "hs-_home"],
    ["a${x}", "a_{x}"],
    ["back\\slash", "back_slash"],
    ['dq"x', 'dq"x'],
    ["sq'x", "sq'x"],
    ["esc\x1b[8mx", "esc[8mx"],
    ["unassigned\u0378 noncharacter\ufffe lone\ud800", "unassigned noncharacter lone"],
    ["line\u2028para\u2029", "linepara"],
    ["ünïcödé 🎉", "ünïcödé 🎉"],
    ["", "rune"],
    ["\n\t", "rune"],
  ];
  for (const [name, want] of cases) {
    await t.step(JSON.stringify(name), () => strictEqual(sanitizeTmuxName(name), want));
  }
  await t.step("a fallback of the caller's choosing", () => {
    strictEqual(sanitizeTmuxName("", "dev"), "dev");
  });
});

Deno.test("sanitizeTmuxName() cuts long names by characters, never inside one", () => {
  const long = "é".repeat(TMUX_NAME_MAX - 1) + "🎉🎉";
  const got = sanitizeTmuxName(long);
  strictEqual(Array.from(got).length, TMUX_NAME_MAX);
  strictEqual(got, "é".repeat(TMUX_NAME_MAX - 1) + "🎉");
  strictEqual(
    sanitizeTmuxName("x".repeat(TMUX_NAME_MAX - 1) + " y"),
    "x".repeat(TMUX_NAME_MAX - 1),
  );
});

Deno.test({
  name: "sanitizeTmuxName(): tmux creates, finds and lists each name exactly as given",
  ignore: !hasTmux,
}, async () => {
  const raw = [
    "home.arpa:lab",
    "s#(touch pwned)#{pane_id}",
    "$1",
    "@2",
    "%3",
    "=x",
    "-n",
    "{last}",
    "x; rm -rf ~",
    "ünï 🎉",
    "tab\there",
    "a;",
    "!bang",
    "~tilde",
    "hs-$home",
    "back\\slash",
    'dq"x',
    "a${x}",
    "esc\x1b[8mx",
    "é\u0378",
  ];
  await withTmuxServer(async (server) => {
    for (const value of raw) {
      const name = sanitizeTmuxName(value);
      // No login shell: killing one mid-startup can leave an rc's lock behind (pyenv rehash).
      await server.tmux("new-session", "-d", "-s", name, "-n", name, "-c", server.dir, "sleep 300");
      await server.tmux("has-session", "-t", `=${name}`);
      const listed = await server.tmux("list-sessions", "-F", "#{session_name}");
      strictEqual(listed.split("\n").includes(name), true, `${JSON.stringify(value)} → ${name}`);
      const windows = await server.tmux("list-windows", "-t", `=${name}`, "-F", "#{window_name}");
      strictEqual(windows, name);
    }
    strictEqual((await server.tmux("list-sessions")).split("\n").length, raw.length);
    let pwned = true;
    try {
      await Deno.stat(`${server.dir}/pwned`);
    } catch {
      pwned = false;
    }
    strictEqual(pwned, false);
  });
});
