/**
 * A stand-in for the user's shell, for tmux tests that must see what each pane received without
 * running it (`vim`, `rails s`, `top`…): made tmux's default-shell, it prints a prompt, reads
 * lines and records each in DIR/N.lines (N: the pane id without `%`), running only rune's
 * readiness marker line. Started as `default-shell -c PROGRAM` (a pane `shell:`, or a
 * default-command), it records PROGRAM in DIR/N.program and reads lines the same way, with a
 * `>>> ` prompt, as a program's REPL would. Its environment at start is in DIR/N.env.
 */

export interface RecordingShell {
  /** The script: set it as tmux's default-shell. */
  path: string;
  dir: string;
  /** What pane `id` ("%12") received so far; undefined before its shell started. */
  read(id: string): RecordedPane | undefined;
}

export interface RecordedPane {
  lines: string[];
  /** The program it was started to run (`-c PROGRAM`), if any. */
  program?: string;
  env: Record<string, string>;
}

/** The marker line's start (src/tmux/build.ts markerLine): the one line the stand-in runs. */
const MARKER_START = ` printf '\\\\033[H`;

export function makeRecordingShell(dir: string): RecordingShell {
  Deno.mkdirSync(`${dir}/panes`, { recursive: true });
  const path = `${dir}/recording-shell`;
  const log = `${dir}/panes`;
  Deno.writeTextFileSync(
    path,
    `#!/bin/sh
log='${log}'/$(printf %s "$TMUX_PANE" | tr -d %)
prompt='$ '
if [ "$1" = "-c" ]; then printf '%s\\n' "$2" > "$log.program"; prompt='>>> '; fi
env > "$log.env"
: > "$log.lines"
while :; do
  printf '%s' "$prompt"
  IFS= read -r line || exit 0
  case "$line" in
    "${MARKER_START}"*) eval "$line" ;;
    *) printf '%s\\n' "$line" >> "$log.lines" ;;
  esac
done
`,
  );
  Deno.chmodSync(path, 0o755);
  const text = (file: string) => {
    try {
      return Deno.readTextFileSync(file);
    } catch {
      return undefined;
    }
  };
  return {
    path,
    dir: log,
    read(id) {
      const base = `${log}/${id.replace("%", "")}`;
      const lines = text(`${base}.lines`);
      const env = text(`${base}.env`);
      if (lines === undefined || env === undefined) return undefined;
      const program = text(`${base}.program`)?.replace(/\n$/, "");
      return {
        lines: lines === "" ? [] : lines.replace(/\n$/, "").split("\n"),
        ...(program !== undefined ? { program } : {}),
        env: Object.fromEntries(
          env.split("\n").filter((l) => l.includes("=")).map((l) => {
            const eq = l.indexOf("=");
            return [l.slice(0, eq), l.slice(eq + 1)];
          }),
        ),
      };
    },
  };
}
