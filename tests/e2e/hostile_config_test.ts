/**
 * Hostile config files through the bundle: each is refused with one located error, runs
 * nothing, and costs rune less than 200 MB of memory (VmHWM of the rune process, read from
 * /proc while it runs) and 5 s, at the default limits and with the size limit raised.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { exists } from "../helpers/files.ts";

const MB = 1024 * 1024;

interface Measured {
  code: number;
  stderr: string;
  ms: number;
  peakMb: number;
}

/**
 * Samples VmHWM (peak resident memory, kB) of process `pid` until it is gone. A shell does the
 * reading: Deno grants /proc/PID only with --allow-all. VmHWM only grows, so the last sample is
 * the peak.
 */
const SAMPLER = `p=$1; last=0
while [ -r /proc/$p/status ]; do
  while IFS= read -r line; do
    case $line in VmHWM:*) set -- $line; last=$2 ;; esac
  done < /proc/$p/status 2>/dev/null
  sleep 0.005
done
echo $last`;

/** Runs rune and samples its peak resident memory (VmHWM) while it runs. */
async function measure(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<Measured> {
  const argv = runeArgv(args);
  const started = performance.now();
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    env: { ...env, ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}) },
    clearEnv: true,
    cwd,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const sampler = new Deno.Command("sh", {
    args: ["-c", SAMPLER, "sh", String(child.pid)],
    stdout: "piped",
  }).output();
  const out = await child.output();
  const ms = performance.now() - started;
  const peakKb = Number(new TextDecoder().decode((await sampler).stdout).trim());
  return {
    code: out.code,
    stderr: new TextDecoder().decode(out.stderr),
    ms,
    peakMb: peakKb / 1024,
  };
}

function realistic(bytes: number): string {
  const projects = ["projects:"];
  const perProject = ["rituals:", "  start:", "    per_project:"];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `  - name: project-${i}\n    detect: ["dir:~/code/project-${i}", "git:project-${i}"]`;
    const c = `      project-${i}:\n        - name: Install ${i}\n` +
      `          command: npm ci --prefix ~/code/project-${i}\n        - name: Dev ${i}\n` +
      `          command: touch ran\n          background: true`;
    projects.push(p);
    perProject.push(c);
    size += p.length + c.length + 2;
  }
  return [...projects, ...perProject].join("\n") + "\n";
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = "a";
  for (const c of "bcdefghi") {
    lines.push(`${c}: &${c} [${Array(9).fill(`*${prev}`).join(",")}]`);
    prev = c;
  }
  return `${lines.join("\n")}\nrituals: {start: {global: [{name: x, command: touch ran}]}}\n`;
}

const HOSTILE: { name: string; text: () => string; env?: Record<string, string>; want: RegExp }[] =
  [
    {
      name: "a 10 MB config of 2,000+ projects",
      text: () => realistic(10 * MB),
      want:
        /:1:1: error: Cannot read the config: it is 10,\d{3},\d{3} bytes, more than the limit of 262,144 bytes\n {2}hint: Shorten the file, or raise the limit: RUNE_CONFIG_MAX_BYTES=11534336 rune …/,
    },
    {
      name: "10,000,000 nested [",
      text: () => `a: ${"[".repeat(10_000_000)}\n`,
      want: /:1:1: error: Cannot read the config: it is 10,000,004 bytes/,
    },
    {
      name: "10,000,000 nested [, the size limit raised",
      text: () => `a: ${"[".repeat(10_000_000)}\n`,
      env: { RUNE_CONFIG_MAX_BYTES: String(20 * MB) },
      want: /:1:103: error: Cannot read the YAML: it nests deeper than 100 levels here/,
    },
    {
      name: "a billion laughs",
      text: billionLaughs,
      want:
        /:5:8: error: Cannot read the YAML: "\*d" makes the aliases repeat more than 10,000 values/,
    },
    {
      name: "a quote opened at line 11, never closed",
      text: () =>
        "# line 1\nrituals:\n  start:\n    global:\n" +
        Array.from({ length: 3 }, (_, i) => `      - name: s${i}\n        command: echo ${i}\n`)
          .join("") +
        '      - name: "open\n' +
        Array.from({ length: 500 }, (_, i) => `      - name: t${i}\n        command: echo\n`).join(
          "",
        ),
      want: /:11:15: error: Cannot read the YAML: the " opened here is never closed/,
    },
    {
      name: "a 10 MB command, the size limit raised",
      text: () =>
        `rituals:\n  start:\n    global:\n      - name: big\n        command: echo ${
          "x".repeat(10 * MB)
        }\n`,
      env: { RUNE_CONFIG_MAX_BYTES: String(20 * MB) },
      want:
        /:5:18: error: Cannot run rituals\.start\.global\[0\]\.command: it is 10,485,765 bytes, more than one argument of a program may hold \(131,072 bytes on Linux/,
    },
  ];

async function withHome(fn: (home: TempHome, app: string) => Promise<void>) {
  const home = makeTempHome();
  try {
    const app = `${home.dir}/app`;
    Deno.mkdirSync(app);
    await fn(home, app);
  } finally {
    home.cleanup();
  }
}

Deno.test("hostile configs: one located error, nothing runs, < 200 MB and < 5 s", async (t) => {
  await withHome(async (home, app) => {
    for (const c of HOSTILE) {
      await t.step(c.name, async () => {
        home.writeConfig(c.text());
        const env = { ...home.env, ...c.env };
        for (const args of [["config", "validate"], ["start", "--dry-run"], ["start"]]) {
          const r = await measure(args, env, app);
          strictEqual(r.code, 2, `${args.join(" ")}: ${r.stderr.slice(0, 500)}`);
          match(r.stderr, c.want);
          ok(r.stderr.length < 2000, `${args.join(" ")}: ${r.stderr.length} bytes of messages`);
          ok(r.peakMb > 0 && r.peakMb < 200, `${args.join(" ")}: VmHWM ${r.peakMb.toFixed(0)} MB`);
          ok(r.ms < 5000, `${args.join(" ")}: ${r.ms.toFixed(0)} ms`);
          console.log(
            `  ${args.join(" ")}: ${r.ms.toFixed(0)} ms, VmHWM ${r.peakMb.toFixed(0)} MB`,
          );
        }
        strictEqual(exists(`${app}/ran`), false, "nothing ran");
      });
    }
  });
});

Deno.test("a real config of 250 KB still loads, within the same budget", async () => {
  await withHome(async (home, app) => {
    home.writeConfig(realistic(250 * 1024));
    const r = await measure(["config", "validate"], home.env, app);
    strictEqual(r.code, 0, r.stderr.slice(0, 500));
    ok(r.peakMb < 200 && r.ms < 5000, `${r.ms.toFixed(0)} ms, VmHWM ${r.peakMb.toFixed(0)} MB`);
  });
});

Deno.test("RUNE_CONFIG_MAX_BYTES that is not a number is a clear error", async () => {
  await withHome(async (home, app) => {
    home.writeConfig("version: 1\n");
    const r = await runRune(["config", "validate"], {
      env: { ...home.env, RUNE_CONFIG_MAX_BYTES: "lots" },
      cwd: app,
    });
    strictEqual(r.code, 2);
    match(r.stderr, /error: Cannot use RUNE_CONFIG_MAX_BYTES="lots": expected a number of bytes/);
  });
});

Deno.test("a YAML tag outside the core schema is an error, and the tagged command never runs", async () => {
  await withHome(async (home, app) => {
    for (const tag of ["!shell", "!!js/function", "!!python/object/apply:os.system", "!env"]) {
      home.writeConfig(
        `rituals:\n  start:\n    global:\n      - name: t\n        command: ${tag} "touch ran"\n`,
      );
      const r = await runRune(["start"], { env: home.env, cwd: app });
      strictEqual(r.code, 2, r.stderr);
      match(
        r.stderr,
        new RegExp(`:5:18: error: Cannot use the YAML tag "${tag.replace(/[/.]/g, "\\$&")}"`),
      );
      deepStrictEqual(exists(`${app}/ran`), false);
    }
  });
});
