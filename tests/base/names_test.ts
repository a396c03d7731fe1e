import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  hasUnprintable,
  isPathLike,
  PATH_COMPONENT_MAX_BYTES,
  pathComponent,
  sanitizeTmuxName,
  TMUX_NAME_MAX,
} from "../../src/base/names.ts";
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

Deno.test("pathComponent() makes any name one safe path component", async (t) => {
  const cases: [string, string][] = [
    ["web-app", "web-app"],
    ["Web_App.v2", "Web_App.v2"],
    ["ünïcödé", "ünïcödé"],
    ["../../../../tmp/x", "tmp-x"],
    ["..", "unnamed"],
    [".", "unnamed"],
    ["", "unnamed"],
    ["/", "unnamed"],
    [".hidden", "hidden"],
    ["-rf", "rf"],
    ["a/b\\c", "a-b-c"],
    ["nul\0byte", "nul-byte"],
    ["esc\x1b[8mhidden\r", "esc-8mhidden"],
    ["bidi\u202egnp.exe", "bidi-gnp.exe"],
    ["line\u2028sep", "line-sep"],
    ["x; rm -rf ~", "x-rm--rf"],
    ["$(id)`id`", "id-id"],
    ["a..b", "a..b"],
    ["a/../b", "a-..-b"],
  ];
  for (const [name, want] of cases) {
    await t.step(JSON.stringify(name), () => strictEqual(pathComponent(name), want));
  }
  await t.step("a fallback of the caller's choosing", () => {
    strictEqual(pathComponent("../..", "project"), "project");
  });
});

Deno.test("pathComponent() never yields a separator, a dot name or a control character", () => {
  const alphabet = ["/", ".", "..", "\0", "\n", "\x1b", "\\", "a", "é", " ", "-", "\u202e", "~"];
  for (let i = 0; i < 5000; i++) {
    let name = "";
    for (let n = i; n > 0; n = Math.floor(n / alphabet.length)) {
      name += alphabet[n % alphabet.length];
    }
    const got = pathComponent(name);
    strictEqual(isPathLike(got) || hasUnprintable(got) || got === "" || got.startsWith("."), false);
    strictEqual(/[\s\\]/.test(got), false, JSON.stringify([name, got]));
  }
});

Deno.test("pathComponent() cuts by UTF-8 bytes, never inside a character", () => {
  const got = pathComponent("é".repeat(PATH_COMPONENT_MAX_BYTES));
  strictEqual(new TextEncoder().encode(got).length, PATH_COMPONENT_MAX_BYTES);
  strictEqual(got, "é".repeat(PATH_COMPONENT_MAX_BYTES / 2));
  const odd = pathComponent("a" + "𠀀".repeat(PATH_COMPONENT_MAX_BYTES));
  strictEqual(new TextEncoder().encode(odd).length <= PATH_COMPONENT_MAX_BYTES, true);
  strictEqual(odd, "a" + "𠀀".repeat(Math.floor((PATH_COMPONENT_MAX_BYTES - 1) / 4)));
});

Deno.test("hasUnprintable() and isPathLike() name what a configured name may not hold", () => {
  deepStrictEqual(
    ["ok", "a\0b", "tab\t", "\x7f", "\u202e", "plain / slash"].map(hasUnprintable),
    [false, true, true, true, true, false],
  );
  deepStrictEqual(
    ["web", "a/b", "..", ".", "a..b", "../x"].map(isPathLike),
    [false, true, true, true, false, true],
  );
});
