/**
 * Shared by the work-session e2e tests: a temp HOME whose config marks every ritual it runs in
 * a file, rune run there, and the store read back through `rune report --format json`.
 */
import { type RuneResult, runRune } from "../helpers/run_rune.ts";
import { makeTempHome, type TempHome } from "../helpers/temp_home.ts";

export interface TrackingHome {
  home: TempHome;
  /** The project directory rune runs in. */
  cwd: string;
  /** Runs rune there (TZ=UTC unless `env` says otherwise). */
  rune(args: string[], env?: Record<string, string>): Promise<RuneResult>;
  /** What the rituals ran, in order: "start-web", "stop-web", … */
  marks(): string[];
  /** Every stored session, from `rune report --from 1970-01-01 --format json`. */
  sessions(): Promise<ReportSession[]>;
}

export interface ReportSession {
  id: string;
  project: string;
  start_time: string;
  end_time?: string;
  duration: number;
  state: 0 | 1 | 2;
  pauses: { start: string; end?: string }[];
  tags?: string[];
  note?: string;
}

/** A config with projects web, api, bad (its start fails) and stuck (its stop fails). */
export function trackingConfig(marks: string, settings = ""): string {
  return `version: 1
${settings}
projects:
  - name: web
  - name: api
  - name: bad
  - name: stuck
rituals:
  start:
    global:
      - { name: mark, command: "echo start-{{.Project}} >> ${marks}" }
    per_project:
      bad:
        - { name: fails, command: "exit 3" }
  stop:
    global:
      - { name: mark, command: "echo stop-{{.Project}} >> ${marks}" }
    per_project:
      stuck:
        - { name: fails, command: "exit 4" }
`;
}

export async function withTrackingHome(
  fn: (t: TrackingHome) => Promise<void>,
  options: { settings?: string } = {},
): Promise<void> {
  const home = makeTempHome({ TZ: "UTC" });
  const cwd = `${home.dir}/app`;
  const marksFile = `${home.dir}/marks.txt`;
  Deno.mkdirSync(cwd);
  home.writeConfig(trackingConfig(marksFile, options.settings ?? ""));
  const rune = (args: string[], env: Record<string, string> = {}) =>
    runRune(args, { env: { ...home.env, ...env }, cwd });
  const t: TrackingHome = {
    home,
    cwd,
    rune,
    marks() {
      try {
        return Deno.readTextFileSync(marksFile).split("\n").filter(Boolean);
      } catch {
        return [];
      }
    },
    async sessions() {
      const r = await rune(["report", "--from", "1970-01-01", "--format", "json"]);
      if (r.code !== 0) throw new Error(`rune report failed: ${r.stderr}`);
      return JSON.parse(r.stdout).sessions;
    },
  };
  try {
    await fn(t);
  } finally {
    home.cleanup();
  }
}

/** "rune: …" lines and issues on stderr, one string, for match(). */
export function said(r: RuneResult): string {
  return `${r.stdout}\n${r.stderr}`;
}
