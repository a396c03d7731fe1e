/**
 * `rune completion bash|zsh|fish`, tested by asking each real shell for completions, in a temp
 * HOME with `rune` on PATH (a script running the bundle): bash through its completion function
 * and COMP_WORDS, zsh through compinit in a zpty with compadd captured, fish with
 * `complete -C`. Project names come from the config, session names from a private tmux server.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { BUNDLE, DENO_CONFIG, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";

const has = (program: string) => {
  try {
    return new Deno.Command(program, { args: ["--version"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
};

const CONFIG = `
projects:
  - {name: web, detect: ["dir:~/web"]}
  - {name: api, detect: ["dir:~/api"]}
rituals:
  start:
    per_project:
      web: [{name: ws, interactive: true, tmux_template: dev}]
  templates:
    dev: {session_name: "dev-{{.Project}}", windows: [{panes: [null]}]}
`;

/** A temp HOME with CONFIG, a `rune` on PATH, and a file to complete. */
function setUp(): { home: TempHome; env: Record<string, string>; script(shell: string): string } {
  const home = makeTempHome();
  home.writeConfig(CONFIG);
  home.writeConfig("session: other\nwindows: []\n", "files/other.yaml");
  const bin = `${home.dir}/bin`;
  Deno.mkdirSync(bin);
  const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  Deno.writeTextFileSync(
    `${bin}/rune`,
    `#!/bin/sh\nexec ${q(Deno.execPath())} run -q --no-prompt --config ${q(DENO_CONFIG)} -P ` +
      `${q(BUNDLE)} "$@"\n`,
  );
  Deno.chmodSync(`${bin}/rune`, 0o755);
  const denoDir = Deno.env.get("DENO_DIR");
  const env = {
    ...home.env,
    PATH: `${bin}:${home.env.PATH}`,
    ...(denoDir ? { DENO_DIR: denoDir } : {}),
  };
  return {
    home,
    env,
    script(shell) {
      const path = `${home.dir}/rune.${shell}`;
      const out = new Deno.Command(`${bin}/rune`, {
        args: ["completion", shell],
        env,
        clearEnv: true,
        stdout: "piped",
      })
        .outputSync();
      Deno.writeTextFileSync(path, new TextDecoder().decode(out.stdout));
      return path;
    },
  };
}

async function shell(argv: string[], env: Record<string, string>, cwd: string): Promise<string> {
  const out = await new Deno.Command(argv[0], {
    args: argv.slice(1),
    env,
    clearEnv: true,
    cwd,
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
    signal: AbortSignal.timeout(60_000),
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  strictEqual(out.code, 0, new TextDecoder().decode(out.stderr) + text);
  return text;
}

const lines = (text: string) => text.split("\n").filter(Boolean);

/** bash: the registered function, called as readline calls it. */
function bashAsk(script: string, line: string, env: Record<string, string>, cwd: string) {
  const program = [
    `source ${script}`,
    `read -ra COMP_WORDS <<< ${JSON.stringify(line)}`,
    line.endsWith(" ") ? "COMP_WORDS+=('')" : ":",
    "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
    `COMP_LINE=${JSON.stringify(line)}; COMP_POINT=\${#COMP_LINE}`,
    `fn=$(complete -p rune | sed -E 's/.*-F ([^ ]+).*/\\1/')`,
    '"$fn" rune "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  return shell(["bash", "--norc", "--noprofile", "-c", program], env, cwd).then(lines);
}

const ZSH_CAPTURE = `
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT=''; autoload -Uz compinit; compinit -u -D"
zpty -w z "source $1"
zpty -w z 'compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return; fi; builtin compadd -A __hits -D __dscr "$@"; local h; for h in $__hits; do print -r -- "\${(U):-hit}:$h"; done; builtin compadd "$@"; }'
zpty -w z 'comppostfuncs=(__done); __done() { print -r -- "\${(U):-hit}-END"; }'
zpty -w z "$2"$'\\t'
local line
while zpty -r z line; do
  [[ $line == *HIT-END* ]] && break
  [[ $line == *HIT:* ]] && print -r -- "\${\${line##*HIT:}%%[$'\\r\\n']*}"
done
zpty -d z
`;

/** zsh: compinit and the script in an interactive zsh on a pty; compadd's matches printed. */
async function zshAsk(script: string, line: string, env: Record<string, string>, cwd: string) {
  const capture = `${cwd}/capture.zsh`;
  Deno.writeTextFileSync(capture, ZSH_CAPTURE);
  return lines(await shell(["zsh", "-f", capture, script, line], env, cwd));
}

/** fish: `complete -C LINE`, the words before each tab. */
async function fishAsk(script: string, line: string, env: Record<string, string>, cwd: string) {
  const out = await shell(
    ["fish", "--no-config", "-c", `source ${script}; complete -C ${JSON.stringify(line)}`],
    env,
    cwd,
  );
  return lines(out).map((l) => l.split("\t")[0]);
}

const ASK = { bash: bashAsk, zsh: zshAsk, fish: fishAsk } as const;
const sorted = (xs: string[]) => [...xs].sort();

for (const name of ["bash", "zsh", "fish"] as const) {
  Deno.test({
    name: `${name} completes rune's commands, options, projects and files`,
    ignore: !has(name),
    async fn() {
      const { home, env, script } = setUp();
      try {
        const file = script(name);
        const ask = (line: string) => ASK[name](file, line, env, home.dir);
        deepStrictEqual(sorted(await ask("rune st")), ["start", "status", "stop"]);
        deepStrictEqual(sorted(await ask("rune config ")), [
          "edit",
          "path",
          "schema",
          "show",
          "validate",
        ]);
        deepStrictEqual(sorted(await ask("rune start --so")), ["--socket", "--socket-path"]);
        deepStrictEqual(sorted(await ask("rune start ")), ["api", "web"]);
        deepStrictEqual(await ask("rune ritual list w"), ["web"]);
        deepStrictEqual(sorted(await ask("rune import ")), ["smug", "tmuxinator", "tmuxp"]);
        deepStrictEqual(sorted(await ask("rune init --template ")), ["basic", "node", "python"]);
        const files = await ask("rune import tmuxp files/ot");
        ok(files.some((f) => f.endsWith("other.yaml")), files.join(", "));
        strictEqual((await ask("rune __c")).length, 0);
      } finally {
        home.cleanup();
      }
    },
  });
}

Deno.test({
  name: "bash, zsh and fish complete the names of rune's running tmux sessions",
  ignore: !hasTmux,
  async fn() {
    const { home, env, script } = setUp();
    try {
      Deno.mkdirSync(`${home.home}/web`);
      await withTmuxServer(async (tmux) => {
        const withSocket = { ...env, RUNE_TMUX_SOCKET: tmux.socket };
        const start = await runRune(["start", "web", "--detach"], {
          env: withSocket,
          cwd: `${home.home}/web`,
        });
        strictEqual(start.code, 0, start.stderr);
        await tmux.tmux("new-session", "-d", "-s", "not-runes");
        for (const name of ["bash", "zsh", "fish"] as const) {
          if (!has(name)) continue;
          deepStrictEqual(
            await ASK[name](script(name), "rune session attach ", withSocket, home.dir),
            ["dev-web"],
            name,
          );
        }
      });
    } finally {
      home.cleanup();
    }
  },
});
