import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { doctorChecks, doctorExitCode } from "../../src/doctor/checks.ts";
import type { DoctorFacts } from "../../src/doctor/checks.ts";

const HEALTHY: DoctorFacts = {
  runeVersion: "0.1.0",
  denoVersion: "2.9.6",
  runningAs: "bundle /x/rune.js",
  config: {
    state: "loaded",
    path: "/h/.config/rune/config.yaml",
    source: "XDG_CONFIG_HOME",
    warnings: 0,
  },
  tmux: { version: "tmux 3.3a", supported: true, minimum: "3.0" },
  script: "util-linux",
  permissions: [{ name: "read", granted: true, flag: "--allow-read" }],
  terminal: true,
  insideTmux: false,
};

const status = (f: DoctorFacts) =>
  Object.fromEntries(doctorChecks(f).map((c) => [c.name, c.status]));

Deno.test("doctorChecks() passes a healthy machine and exits 0", () => {
  const checks = doctorChecks(HEALTHY);
  deepStrictEqual(checks.filter((c) => c.status !== "ok"), []);
  strictEqual(doctorExitCode(checks), 0);
});

Deno.test("doctorChecks() judges each missing piece", async (t) => {
  const cases: {
    name: string;
    facts: Partial<DoctorFacts>;
    check: string;
    want: string;
    exit: number;
  }[] = [
    { name: "no tmux is a warning", facts: { tmux: null }, check: "tmux", want: "warn", exit: 0 },
    {
      name: "old tmux is a warning",
      facts: { tmux: { version: "tmux 2.6", supported: false, minimum: "3.0" } },
      check: "tmux",
      want: "warn",
      exit: 0,
    },
    {
      name: "tmux not runnable",
      facts: { tmux: "unchecked" },
      check: "tmux",
      want: "warn",
      exit: 0,
    },
    {
      name: "no script is a warning",
      facts: { script: null },
      check: "script",
      want: "warn",
      exit: 0,
    },
    {
      name: "no config fails",
      facts: { config: { state: "missing", wouldBe: "/h/.config/rune/config.yaml" } },
      check: "config",
      want: "fail",
      exit: 3,
    },
    {
      name: "a broken config fails",
      facts: { config: { state: "invalid", path: "/c", source: "--config", errors: 2 } },
      check: "config",
      want: "fail",
      exit: 3,
    },
    {
      name: "no terminal is a warning, not a check mark",
      facts: { terminal: false },
      check: "terminal",
      want: "warn",
      exit: 0,
    },
    {
      name: "another tool's file as the config is a config error (exit 2)",
      facts: {
        config: {
          state: "foreign",
          path: "/c.yml",
          source: "--config",
          problem: "Cannot use /c.yml as a rune config: it is a tmuxinator project file (name)",
          hint: "Run `rune import tmuxinator /c.yml` to turn it into a rune template and rituals",
        },
      },
      check: "config",
      want: "fail",
      exit: 2,
    },
    {
      name: "a missing permission fails",
      facts: { permissions: [{ name: "run:tmux", granted: false, flag: "--allow-run=tmux" }] },
      check: "permissions",
      want: "fail",
      exit: 3,
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const facts = { ...HEALTHY, ...c.facts };
      strictEqual(status(facts)[c.check], c.want);
      strictEqual(doctorExitCode(doctorChecks(facts)), c.exit);
    });
  }
});

Deno.test("doctorChecks() names the flag for missing permissions", () => {
  const checks = doctorChecks({
    ...HEALTHY,
    permissions: [
      { name: "env", granted: false, flag: "--allow-env" },
      { name: "run:sh", granted: false, flag: "--allow-run=sh,tmux" },
      { name: "run:tmux", granted: false, flag: "--allow-run=sh,tmux" },
    ],
  });
  const perm = checks.find((c) => c.name === "permissions")!;
  strictEqual(perm.detail, "missing: env, run:sh, run:tmux");
  strictEqual(
    perm.fix,
    "run with --allow-env --allow-run=sh,tmux, or with rune's permission set (deno run -P)",
  );
});

Deno.test("doctorChecks(): a program that is not installed is not a missing permission", () => {
  const checks = doctorChecks({
    ...HEALTHY,
    tmux: null,
    permissions: [
      { name: "read", granted: true, flag: "--allow-read" },
      { name: "run:tmux", granted: false, flag: "--allow-run=sh,tmux", installed: false },
    ],
  });
  const by = Object.fromEntries(checks.map((c) => [c.name, c]));
  deepStrictEqual(
    [by.tmux.status, by.tmux.detail, by.tmux.fix?.startsWith("install tmux (apt install tmux")],
    ["warn", "not found on PATH", true],
  );
  deepStrictEqual(
    [by.permissions.status, by.permissions.detail],
    ["ok", "all granted (tmux: not installed, see above)"],
  );
  strictEqual(doctorExitCode(checks), 0);
});

Deno.test("doctorChecks() says what is true and what works today", async (t) => {
  const check = (facts: Partial<DoctorFacts>, name: string) =>
    doctorChecks({ ...HEALTHY, ...facts }).find((c) => c.name === name)!;
  await t.step("the fix for a config given with -c checks that same file", () => {
    const config = {
      state: "invalid",
      path: "/w/t y.yaml",
      source: "--config",
      errors: 2,
    } as const;
    strictEqual(
      check({ config: { ...config, flag: "t y.yaml" } }, "config").fix,
      "see them with: rune config validate -c 't y.yaml'",
    );
    strictEqual(check({ config }, "config").fix, "see them with: rune config validate");
    const warned = { state: "loaded", path: "/w/t.yaml", source: "--config", warnings: 1 } as const;
    strictEqual(
      check({ config: { ...warned, flag: "t.yaml" } }, "config").fix,
      "see them with: rune config validate -c t.yaml",
    );
  });
  await t.step("without a config: the command that writes one", () => {
    const fix = check({ config: { state: "missing", wouldBe: "/h/c/config.yaml" } }, "config").fix;
    strictEqual(
      fix,
      "run `rune init` to write a starter config to /h/c/config.yaml (`rune init --guided` asks " +
        "first), or pass --config PATH",
    );
  });
  await t.step("no terminal is said as it is", () => {
    const terminal = check({ terminal: false }, "terminal");
    deepStrictEqual([terminal.status, terminal.detail], [
      "warn",
      "stdin is not a terminal: interactive steps outside tmux cannot run here",
    ]);
  });
});
