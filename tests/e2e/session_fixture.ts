/**
 * The world the save/restore tests rebuild: five rune sessions, 40 panes, custom layouts, a
 * zoomed window, titles, options, directories with spaces, non-ASCII and `#[` in their names,
 * hostile window names and titles, and programs in some panes (allowlisted or not). Also the
 * field-by-field comparison of two `list-panes -a` captures, and the fidelity it scores.
 */
import { readFields } from "../../src/tmux/snapshot_panes.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

/** The fields compared after a restore, as tmux names them. */
export const FIELDS = [
  "session_name",
  "window_index",
  "window_name",
  "window_layout",
  "window_active",
  "window_zoomed_flag",
  "pane_index",
  "pane_current_path",
  "pane_title",
  "pane_active",
  "pane_current_command",
] as const;
export type Row = Record<(typeof FIELDS)[number], string>;

/** Would exist if any hostile name or directory ran as a command. */
export const PWNED = "pwned-by-save-restore";

/** Programs started in the panes: the first three are on the default allowlist. */
export const PROGRAMS = { tail: "tail", less: "less", vim: "vim", sleep: "sleep" };

/** The project's directory and the config of five templates, 8 panes each. */
export function writeWorld(home: TempHome): { dir: string; sessions: string[] } {
  const dir = `${home.dir}/proj dir/é 中`;
  for (const sub of ["sub dir", "h#[x] ##y", `q'uote "d"`]) {
    Deno.mkdirSync(`${dir}/${sub}`, { recursive: true });
  }
  Deno.writeTextFileSync(`${dir}/log file.txt`, "a log line\n");
  Deno.writeTextFileSync(`${dir}/notes é.txt`, "notes\n");
  const names = ["fid-one", "fid é deux", "fid;three", "fid#(touch pwned)four", "fid-five"];
  const sessions = names.map((n) => n.replace("#", "_"));
  const template = (i: number) => [
    `    t${i}:`,
    `      session_name: ${JSON.stringify(names[i])}`,
    "      windows:",
    "        - name: edit",
    "          layout: main-vertical",
    "          panes:",
    i === 0 ? `            - "vim -n 'notes é.txt'"` : `            - "tail -f 'log file.txt'"`,
    `            - {dir: "sub dir"}`,
    `            - {dir: "h#[x] ##y"}`,
    "        - name: run",
    "          layout: tiled",
    "          panes:",
    `            - "less 'notes é.txt'"`,
    `            - "sleep ${1000 + i}"`,
    `            - {dir: "q'uote \\"d\\""}`,
    "            - null",
    // The last session's last window has no name: tmux names it after its program.
    i === 4 ? "        - panes: [null]" : `        - {name: "w;${i}", panes: [null]}`,
  ];
  home.writeConfig([
    "projects:",
    `  - {name: web, dir: ${JSON.stringify(dir)}}`,
    "rituals:",
    "  start:",
    "    per_project:",
    "      web:",
    ...names.map((_, i) => `        - {name: s${i}, interactive: true, tmux_template: t${i}}`),
    "  templates:",
    ...names.flatMap((_, i) => template(i)),
    "",
  ].join("\n"));
  return { dir, sessions };
}

/**
 * What a person does to sessions after `rune start`: resizes panes (custom layouts), zooms,
 * titles, renames a window to something hostile, moves focus, sets options.
 */
export async function changeWorld(tmux: TmuxServer, sessions: string[]): Promise<void> {
  for (const [i, s] of sessions.entries()) {
    const [first, second] = (await tmux.tmux("list-panes", "-t", `=${s}:edit`, "-F", "#{pane_id}"))
      .split("\n");
    await tmux.tmux("resize-pane", "-t", first, "-x", String(60 + 7 * i));
    await tmux.tmux("resize-pane", "-t", second, "-y", String(15 + i));
    // tmux expands -T and rename-window: ## is one literal # (no job runs).
    await tmux.tmux("select-pane", "-t", second, "-T", `t${i} ##(touch ${PWNED}) $HOME "q"`);
  }
  await tmux.tmux("rename-window", "-t", `=${sessions[1]}:run`, `raw;##(touch ${PWNED})$HOME`);
  await tmux.tmux("select-window", "-t", `=${sessions[2]}:run`);
  const run3 = (await tmux.tmux("list-panes", "-t", `=${sessions[3]}:run`, "-F", "#{pane_id}"))
    .split("\n");
  await tmux.tmux("select-pane", "-t", run3[2]);
  await tmux.tmux("resize-pane", "-Z", "-t", run3[2]);
  await tmux.tmux("set-option", "-t", `=${sessions[4]}:`, "status-left", "[#{session_name}] ");
  await tmux.tmux("set-option", "-t", `=${sessions[4]}:`, "@note", "kept\nacross");
  await tmux.tmux("set-option", "-w", "-t", `=${sessions[0]}:edit`, "main-pane-width", "70");
}

/** Every pane of the server (length-prefixed fields: names here hold `;`, `#`, quotes). */
export async function capture(tmux: TmuxServer): Promise<Row[]> {
  const format = FIELDS.map((f) => `#{n:${f}}:#{${f}}`).join("\t");
  const text = (await tmux.tmux("list-panes", "-a", "-F", format)) + "\n";
  const rows: Row[] = [];
  let at = 0;
  while (at < text.length) {
    const read = readFields(text, at, FIELDS.length, { sep: "\t", end: "\n" });
    if (!read) throw new Error(`unreadable list-panes output at ${at}`);
    rows.push(Object.fromEntries(FIELDS.map((f, i) => [f, read.values[i]])) as Row);
    at = read.next;
  }
  return rows;
}

/** A layout without its checksum and pane ids: the geometry (new panes get new ids). */
export function geometry(layout: string): string {
  return layout.replace(/^[0-9a-f]{4},/, "").replace(/(\d+x\d+,\d+,\d+),\d+/g, "$1");
}

/** Waits until the panes run what they should: the allowlisted programs started again. */
export async function waitForPrograms(tmux: TmuxServer, want: number): Promise<void> {
  let last: string[] = [];
  await waitFor(async () => {
    const rows = await capture(tmux).catch(() => []);
    last = rows.map((r) => r.pane_current_command);
    return last.filter((c) => ["tail", "less", "vim"].includes(c)).length === want;
  }, { timeoutMs: 60_000, what: () => `${want} programs running; commands: ${last.join(" ")}` });
}

export interface Fidelity {
  fields: number;
  same: number;
  byField: Record<string, { same: number; of: number }>;
  differences: string[];
}

/**
 * Field by field, pane by pane. The one difference by design: a program not on the
 * allowlist (sleep) comes back typed on the prompt, so its pane runs the shell.
 */
export function compare(before: Row[], after: Row[]): Fidelity {
  const f: Fidelity = { fields: 0, same: 0, byField: {}, differences: [] };
  if (before.length !== after.length) {
    f.differences.push(`${before.length} panes before, ${after.length} after`);
  }
  before.forEach((b, i) => {
    const a = after[i] ?? ({} as Row);
    for (const field of FIELDS) {
      let want = b[field];
      let got = a[field];
      if (field === "window_layout") [want, got] = [geometry(want), geometry(got ?? "")];
      if (field === "pane_current_command" && want === "sleep") want = "bash";
      const entry = f.byField[field] ??= { same: 0, of: 0 };
      entry.of++;
      f.fields++;
      if (want === got) {
        entry.same++;
        f.same++;
      } else {f.differences.push(
          `pane ${i} ${field}: ${JSON.stringify(want)} → ${JSON.stringify(got)}`,
        );}
    }
  });
  return f;
}

export function fidelityText(f: Fidelity): string {
  const pct = (same: number, of: number) => `${((100 * same) / Math.max(1, of)).toFixed(1)}%`;
  const lines = Object.entries(f.byField).map(([k, v]) =>
    `  ${k.padEnd(22)} ${v.same}/${v.of} ${pct(v.same, v.of)}`
  );
  return [`fidelity: ${f.same}/${f.fields} fields (${pct(f.same, f.fields)})`, ...lines].join("\n");
}

/** Ends the server and waits until the socket answers "no server" (FACTS §2: reuse races). */
export async function killServer(tmux: TmuxServer): Promise<void> {
  await tmux.tryTmux("kill-server");
  await waitFor(async () => {
    const r = await tmux.tryTmux("list-sessions");
    return r.code !== 0 && /no server running|error connecting/.test(r.stderr);
  }, { what: "the tmux server to be gone" });
}
