/** `rune session saved [--json]`: the saves, with their time, windows and panes. */
import { formatIssue, visible } from "../../base/mod.ts";
import { EXIT } from "../exit_codes.ts";
import { readSaves, savesDir } from "./saved_files.ts";

export async function sessionSaved(json: boolean): Promise<number> {
  const dir = savesDir();
  const { saves, issues } = await readSaves(dir);
  for (const issue of issues) console.error(formatIssue(issue));
  const rows = saves.map((s) => ({
    name: s.session.name,
    project: s.session.project,
    windows: s.session.windows.length,
    panes: s.session.windows.reduce((n, w) => n + w.panes.length, 0),
    savedAt: s.savedAt,
    file: s.path,
    previous: s.previous ?? null,
  }));
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  if (!rows.length) {
    console.error(`no saved sessions in ${visible(dir)} (save one with: rune session save NAME)`);
    return EXIT.ok;
  }
  const width = Math.max(7, ...rows.map((r) => visible(r.name).length));
  const projects = Math.max(7, ...rows.map((r) => visible(r.project).length));
  console.log(
    `${"SESSION".padEnd(width)}  ${
      "PROJECT".padEnd(projects)
    }  WINDOWS  PANES  SAVED             PREVIOUS`,
  );
  for (const r of rows) {
    console.log(
      `${visible(r.name).padEnd(width)}  ${visible(r.project || "-").padEnd(projects)}  ` +
        `${String(r.windows).padEnd(7)}  ${String(r.panes).padEnd(5)}  ${localTime(r.savedAt)}  ` +
        (r.previous ? "yes" : "no"),
    );
  }
  return EXIT.ok;
}

/** "2026-11-27 13:05" in the local zone (the file keeps UTC). */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "?".padEnd(16);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${
    p(d.getMinutes())
  }`;
}
