/**
 * Hostile values through real shells: every template puts {{.Project}} in one quoting context
 * and prints it; the printed text must equal the value exactly, and no file may appear.
 * Runs sh (dash here), bash, and bash reading the text as typed input with history expansion
 * on (what a pane's interactive shell does with `!`).
 */
import { deepStrictEqual, ok as assert, strictEqual } from "node:assert/strict";
import { expandField } from "../../src/templates/expand.ts";
import type { Variables } from "../../src/templates/mod.ts";
import { HOSTILE, PWN } from "./hostile_values.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

/** Seeded random strings over every character a shell treats specially (same on every run). */
function fuzzValues(count: number): string[] {
  const alphabet = [..."ab '\"\\$()`;&|<>*?[]{}~#!=%,:./-^@+\n\té"];
  let seed = 20260102;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const n = Math.floor(next() * 11);
    return Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  });
}
const VALUES = [...HOSTILE, ...fuzzValues(150)];

const SEP = "\x01SEP\x01";
const VARS: Omit<Variables, "Project"> = {
  ProjectDir: "/code/web",
  Command: "true",
  Home: "/home/u",
  User: "u",
  Date: "2026-01-02",
};

interface Case {
  name: string;
  template: string;
  /** What the shell prints for a value. */
  want: (value: string) => string;
}

const CASES: Case[] = [
  { name: "bare", template: "printf '%s' {{.Project}}", want: (v) => v },
  { name: "bare, Handlebars style", template: "printf '%s' {{Project}}", want: (v) => v },
  {
    name: "bare, mid-word",
    template: "printf '%s' pre-{{.Project}}-post",
    want: (v) => `pre-${v}-post`,
  },
  {
    name: "bare, two in one word",
    template: "printf '%s' {{.Project}}{{.Project}}",
    want: (v) => v + v,
  },
  { name: "assignment", template: 'v={{.Project}}; printf "%s" "$v"', want: (v) => v },
  { name: "after ~", template: "printf '%s' ~{{.Project}}", want: (v) => `~${v}` },
  { name: "after =", template: "printf '%s' ={{.Project}}", want: (v) => `=${v}` },
  { name: "after $NAME", template: "A=aa; printf '%s' $A{{.Project}}", want: (v) => `aa${v}` },
  { name: "after $1", template: "set -- one; printf '%s' $1{{.Project}}", want: (v) => `one${v}` },
  {
    name: "inside single quotes",
    template: "printf '%s' 'Starting work on {{.Project}}!'",
    want: (v) => `Starting work on ${v}!`,
  },
  {
    name: "inside double quotes",
    template: "printf '%s' \"a {{.Project}} b\"",
    want: (v) => `a ${v} b`,
  },
  {
    name: "inside double quotes after $NAME",
    template: "A=aa; printf '%s' \"$A{{.Project}}\"",
    want: (v) => `aa${v}`,
  },
  {
    name: "inside $(…)",
    template: "v=$(printf '%sEND' {{.Project}}); printf '%s' \"$v\"",
    want: (v) => `${v}END`,
  },
  {
    name: "inside double quotes inside $(…) inside double quotes",
    template: `printf '%s' "$(printf '%sEND' "<{{.Project}}>")"`,
    want: (v) => `<${v}>END`,
  },
  {
    name: "inside single quotes inside $(…)",
    template: "v=$(printf '%sEND' '<{{.Project}}>'); printf '%s' \"$v\"",
    want: (v) => `<${v}>END`,
  },
  {
    name: "inside $(…) inside $(…)",
    template: "v=$(printf '%s' \"$(printf '%sEND' {{.Project}})\"); printf '%s' \"$v\"",
    want: (v) => `${v}END`,
  },
  {
    name: "inside backticks",
    template: "v=`printf '%sEND' {{.Project}}`; printf '%s' \"$v\"",
    want: (v) => `${v}END`,
  },
  {
    name: "inside single quotes inside backticks",
    template: "v=`printf '%sEND' '<{{.Project}}>'`; printf '%s' \"$v\"",
    want: (v) => `<${v}>END`,
  },
  {
    name: "inside double quotes inside backticks",
    template: "v=`printf '%sEND' \"<{{.Project}}>\"`; printf '%s' \"$v\"",
    want: (v) => `<${v}>END`,
  },
  {
    name: "inside backticks inside backticks",
    template: "v=`w=\\`printf '%sEND' {{.Project}}\\`; printf '%s' \"$w\"`; printf '%s' \"$v\"",
    want: (v) => `${v}END`,
  },
  {
    name: "in a comment",
    template: "printf '%s' ok # {{.Project}}",
    want: () => "ok",
  },
  {
    name: "in a comment, then a next line",
    template: "printf '%s' ok # {{.Project}}\nprintf '%s' next",
    want: () => "oknext",
  },
  {
    name: "in a comment inside $(…)",
    template: "v=$(printf '%s' in # {{.Project}}\n); printf '%s' \"$v\"",
    want: () => "in",
  },
  {
    name: "on a second line",
    template: "printf '%s' one\nprintf '%s' {{.Project}}",
    want: (v) => `one${v}`,
  },
  {
    name: "after a line continuation",
    template: "printf '%s' \\\n{{.Project}}",
    want: (v) => v,
  },
  {
    name: "after a quoted <<",
    template: "printf '%s' '<<' {{.Project}}",
    want: (v) => `<<${v}`,
  },
];

function render(template: string, value: string): string {
  const r = expandField(template, { ...VARS, Project: value }, "shell");
  if (!r.ok) throw new Error(`${template}: ${r.error.map((p) => p.problem).join("; ")}`);
  return r.value;
}

type Shell = { name: string; run: (dir: string, script: string) => Promise<string> };

async function output(cmd: Deno.Command): Promise<string> {
  const out = await cmd.output();
  return new TextDecoder().decode(out.stdout);
}

const SHELLS: Shell[] = [
  {
    name: "sh -c",
    run: (cwd, script) =>
      output(new Deno.Command("sh", { args: ["-c", script], cwd, stderr: "null" })),
  },
  {
    name: "bash -c",
    run: (cwd, script) =>
      output(new Deno.Command("bash", { args: ["--norc", "-c", script], cwd, stderr: "null" })),
  },
  {
    name: "bash reading typed lines, history expansion on",
    run: async (cwd, script) => {
      const child = new Deno.Command("bash", {
        args: ["--norc", "-s"],
        cwd,
        stdin: "piped",
        stdout: "piped",
        stderr: "null",
      }).spawn();
      const writer = child.stdin.getWriter();
      await writer.write(new TextEncoder().encode(`set -o history -H\n${script}\n`));
      await writer.close();
      return new TextDecoder().decode((await child.output()).stdout);
    },
  },
];

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test("expandField(shell): hostile values print back exactly, in every context and shell", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "rune-expand-" });
  try {
    for (const shell of SHELLS) {
      for (const c of CASES) {
        await t.step(`${shell.name}: ${c.name}`, async () => {
          // One shell per context runs every value; on a mismatch, each value alone names it.
          const script = VALUES.map((v) => `${render(c.template, v)}\nprintf '\\001SEP\\001'`)
            .join("\n");
          let pwned = false;
          try {
            const got = (await shell.run(dir, script)).split(SEP).slice(0, -1);
            pwned = await exists(`${dir}/${PWN}`);
            if (got.length !== VALUES.length || got.some((g, i) => g !== c.want(VALUES[i]))) {
              for (const v of VALUES) {
                const alone = await shell.run(dir, render(c.template, v));
                const why = `value ${JSON.stringify(v)} → ${render(c.template, v)}`;
                strictEqual(alone, c.want(v), why);
              }
            }
            deepStrictEqual(got, VALUES.map(c.want));
          } finally {
            pwned ||= await exists(`${dir}/${PWN}`);
            if (pwned) await Deno.remove(`${dir}/${PWN}`);
          }
          assert(!pwned, `a value created ${PWN}`);
        });
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
