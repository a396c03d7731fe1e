/**
 * A typed pane as a person sees it (issue 11.11): a fresh pane shows its rc's output, the
 * prompt and the user's command, typed once, and nothing of rune's handshake, on screen or in
 * the scrollback. bash, zsh and fish say when their line editor reads (bracketed paste); a bash
 * rc that drains typeahead must still get the command exactly once; dash says nothing and gets
 * the marker, which wipes itself. Both ways rune watches panes: its control client, and the
 * pipe-pane files it falls back to.
 */
import { doesNotMatch, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const have = (program: string) => {
  try {
    return new Deno.Command(program, { args: ["-c", "true"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
};

/** Each shell with a fast rc that prints, sleeps a little, and sets a recognisable prompt. */
const SHELLS: { name: string; program: string; prompt: string; rc(dir: string): string }[] = [
  {
    name: "bash",
    program: "bash",
    prompt: "bash$ ",
    rc: (d) => {
      Deno.writeTextFileSync(`${d}/bashrc`, "echo rc-output\nsleep 0.3\nPS1='bash$ '\n");
      return `bash --rcfile ${d}/bashrc -i`;
    },
  },
  {
    name: "bash, rc drains typeahead",
    program: "bash",
    prompt: "drain$ ",
    rc: (d) => {
      Deno.writeTextFileSync(
        `${d}/drainrc`,
        "echo rc-output\nsleep 0.5\nwhile read -t 0; do read -t 0.01 -n 1000; done\nPS1='drain$ '\n",
      );
      return `bash --rcfile ${d}/drainrc -i`;
    },
  },
  {
    name: "zsh",
    program: "zsh",
    prompt: "zsh% ",
    rc: (d) => {
      Deno.mkdirSync(`${d}/zdot`, { recursive: true });
      Deno.writeTextFileSync(`${d}/zdot/.zshrc`, "echo rc-output\nsleep 0.3\nPS1='zsh%% '\n");
      return `env ZDOTDIR=${d}/zdot zsh -i`;
    },
  },
  {
    name: "fish",
    program: "fish",
    prompt: "fish> ",
    rc: (d) => {
      Deno.mkdirSync(`${d}/xdg/fish`, { recursive: true });
      Deno.mkdirSync(`${d}/fishdata`, { recursive: true });
      Deno.writeTextFileSync(
        `${d}/xdg/fish/config.fish`,
        "echo rc-output\nsleep 0.3\nset -g fish_greeting\nfunction fish_prompt; echo -n 'fish> '; end\n",
      );
      return `env XDG_CONFIG_HOME=${d}/xdg XDG_DATA_HOME=${d}/fishdata fish -i`;
    },
  },
  {
    name: "dash (no bracketed paste: the marker)",
    program: "dash",
    prompt: "sh$ ",
    rc: (d) => {
      Deno.writeTextFileSync(`${d}/shrc`, "echo rc-output\nPS1='sh$ '\n");
      return `env ENV=${d}/shrc dash -i`;
    },
  },
];

const CONFIG = `
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: t}]
  templates:
    t:
      session_name: fresh
      windows: [{name: a, panes: ["echo ran-once"]}]
`;

// Watched through the build's control client, and the old way (control mode forced off).
for (const shell of SHELLS.flatMap((s) => [{ ...s, control: true }, { ...s, control: false }])) {
  Deno.test({
    name: `a fresh ${shell.name} pane shows the prompt and the command only, typed once` +
      (shell.control ? "" : " (RUNE_TMUX_CONTROL=0)"),
    ignore: !have(shell.program),
  }, async () => {
    const home = makeTempHome();
    try {
      const dir = `${home.dir}/web`;
      Deno.mkdirSync(dir);
      home.writeConfig(CONFIG);
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "keep");
        await tmux.tmux("set-option", "-g", "default-command", shell.rc(home.dir));
        const r = await runRune(["start", "web"], {
          env: {
            ...home.env,
            RUNE_TMUX_SOCKET: tmux.socket,
            ...(shell.control ? {} : { RUNE_TMUX_CONTROL: "0" }),
          },
          cwd: dir,
        });
        strictEqual(r.code, 0, r.stderr);
        const [pane] = await tmux.paneIds("fresh");
        // The command's output, then the next prompt: the pane is idle again.
        const all = () => tmux.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", pane);
        let screen = "";
        await waitFor(async () => {
          screen = await all();
          return /^ran-once\n.*\S/m.test(screen.trimEnd());
        }, { timeoutMs: 15_000, what: () => `the command's output and a new prompt:\n${screen}` });
        const lines = screen.trimEnd().split("\n").filter((l) => l.trim() !== "");
        strictEqual(
          lines.filter((l) => l.includes("echo ran-once")).length,
          1,
          `typed once:\n${screen}`,
        );
        strictEqual(lines.filter((l) => l === "ran-once").length, 1, `ran once:\n${screen}`);
        match(lines.join("\n"), new RegExp(`^${escape(shell.prompt)}echo ran-once$`, "m"));
        doesNotMatch(screen, /rune-panes|true >|printf|2004/, `nothing of rune's:\n${screen}`);
        if (shell.program !== "dash") {
          // Nothing was typed before the shell read: its rc's output is still there.
          strictEqual(lines[0], "rc-output", screen);
        }
      });
    } finally {
      home.cleanup();
    }
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
