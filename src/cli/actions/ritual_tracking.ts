/**
 * Work sessions around `rune start` and `rune stop`. A session opens once the start ritual has
 * succeeded and closes once the stop ritual has: a failed required step changes nothing, so the
 * record always says what the rituals did. Times are when the change is recorded, after the
 * ritual, unless `--at` says otherwise. Starting while another project is open follows
 * `decideSwitch` (settings.tracking.on_switch, --yes, a terminal to ask in).
 */
import {
  applyEvent,
  decideSwitch,
  formatDuration,
  formatWhen,
  isYes,
  type SwitchPolicy,
  type TrackingEvent,
  worked,
  type WorkSession,
} from "../../tracking/mod.ts";
import type { WorkStore } from "../../state/mod.ts";
import type { RitualName } from "../../contract/mod.ts";
import { EXIT } from "../exit_codes.ts";
import { askLine, canAsk } from "../prompt.ts";
import { type Opened, openWorkStore, reportIssue } from "../work_store.ts";

/** What `rune start|stop` asked of tracking; absent for `ritual run`, `ritual test`, --dry-run. */
export interface TrackingRequest {
  /** --at, already read: when the start or stop really happened. */
  at?: number;
  /** --yes: stop another open project without asking. */
  yes: boolean;
  /** --skip-rituals: change the work session only. */
  skipRituals: boolean;
}

export class RitualTracker {
  #store: WorkStore;
  #request: TrackingRequest;
  #say: (line: string) => void;

  private constructor(store: WorkStore, request: TrackingRequest, quiet: boolean) {
    this.#store = store;
    this.#request = request;
    this.#say = quiet ? () => {} : (line) => console.error(`rune: ${line}`);
  }

  static open(request: TrackingRequest, quiet: boolean): Opened<RitualTracker> {
    const opened = openWorkStore({ create: true });
    if (!opened.ok) return opened;
    return { ok: true, value: new RitualTracker(opened.value!, request, quiet) };
  }

  /** `rune stop` without a project stops what is open, wherever it is run from. */
  stopTarget(projectArg: string | undefined): string | undefined {
    if (projectArg !== undefined) return projectArg;
    const open = this.#store.currentSession();
    return open.ok ? open.value?.project : undefined;
  }

  /**
   * The name a stop of `argument` tracks: the open session's own name when the argument is
   * that name, else `resolved`. A project renamed or removed from the config since it was
   * started is an unknown name now, which project detection rewrites ("web app" becomes
   * "web-app"); the session rune recorded must still close under the name it recorded.
   */
  stopName(argument: string | undefined, resolved: string): string {
    if (argument === undefined) return resolved;
    const open = this.#store.currentSession();
    const stored = open.ok ? open.value?.project : undefined;
    return stored !== undefined && stored === argument.toLowerCase() ? stored : resolved;
  }

  /**
   * Before the start ritual of `project`: checks --at, and when another project is open stops
   * it (through `stopOther`, its stop ritual included), asks, or refuses. An exit code means
   * "do not go on"; undefined means go on.
   */
  async beforeStart(
    project: string,
    o: { policy?: SwitchPolicy; stopOther: (other: string) => Promise<number> },
  ): Promise<number | undefined> {
    const now = Date.now();
    const state = this.#store.state();
    if (!state.ok) return reportIssue(state.error);
    const open = state.value.kind === "idle" ? undefined : state.value.session;
    const at = this.#request.at ?? now;
    const facts = { policy: o.policy, yes: this.#request.yes, terminal: canAsk(), now };
    let decision = decideSwitch(open, project, facts);
    if (decision.kind === "ask") {
      const answer = await askLine(decision.question);
      if (!isYes(answer)) {
        this.#say(`"${project}" not started: "${decision.open.project}" is still open`);
        return EXIT.stepFailed;
      }
      decision = { kind: "stop-first", open: decision.open };
    }
    switch (decision.kind) {
      case "refuse":
        return reportIssue(decision.issue);
      case "continue":
        return undefined;
      case "start":
        return this.#check(state.value, { kind: "start", project, at }, now);
      case "stop-first": {
        const bad = this.#check(state.value, { kind: "stop", at }, now);
        if (bad !== undefined) return bad;
        const other = decision.open.project;
        this.#say(`stopping "${other}" first`);
        const code = await o.stopOther(other);
        if (code !== EXIT.ok) {
          this.#say(`"${project}" not started: stopping "${other}" did not succeed`);
          return code;
        }
        const still = this.#store.currentSession();
        if (still.ok && still.value && still.value.project !== project) {
          this.#say(`"${project}" not started: "${still.value.project}" is still open`);
          return EXIT.stepFailed;
        }
        return undefined;
      }
    }
  }

  /**
   * After the ritual (or at once with --skip-rituals): opens or closes the session on
   * `project` when the ritual's exit code is 0. Returns the command's exit code.
   */
  after(ritual: RitualName, o: { project: string; code: number }): number {
    if (ritual === "start") return this.#afterStart(o.project, o.code);
    if (ritual === "stop") return this.#afterStop(o.project, o.code);
    return o.code; // the shell hook's enter and leave track nothing
  }

  close(): void {
    this.#store.close();
  }

  #afterStart(project: string, code: number): number {
    if (code !== EXIT.ok) {
      // After Ctrl-C the run's own summary says "interrupted"; nothing more is said.
      if (code !== EXIT.interrupted) {
        this.#say("no work session opened: the start ritual did not succeed");
      }
      return code;
    }
    const at = this.#request.at;
    const started = this.#store.start(project, at);
    if (!started.ok) return reportIssue(started.error);
    const now = Date.now();
    if (started.value.kind === "started") {
      this.#say(`tracking "${project}" since ${formatWhen(started.value.session.start, now)}`);
      return code;
    }
    const open = started.value.open;
    if (open.project !== project) {
      return reportIssue({
        severity: "error",
        code: "session-open",
        problem: `Cannot track "${project}": "${open.project}" was started meanwhile (at ${
          formatWhen(open.start, now)
        })`,
        hint:
          `The ritual ran; run "rune stop" and "rune start ${project} --skip-rituals" to track it`,
      });
    }
    const pause = open.pauses.at(-1);
    if (pause && pause.end === undefined) {
      const resumed = this.#store.resume(at);
      if (!resumed.ok) return reportIssue(resumed.error);
      this.#say(`resumed "${project}" (open since ${formatWhen(open.start, now)})`);
      return code;
    }
    this.#say(`still tracking "${project}" since ${formatWhen(open.start, now)}`);
    return code;
  }

  #afterStop(project: string, code: number): number {
    const open = this.#store.currentSession();
    if (!open.ok) return reportIssue(open.error);
    const session = open.value;
    if (code !== EXIT.ok) {
      if (session?.project === project && code !== EXIT.interrupted) {
        this.#say(
          `the work session on "${project}" stays open: the stop ritual did not succeed ` +
            `(fix it and run "rune stop" again, or "rune stop --skip-rituals")`,
        );
      }
      return code;
    }
    if (!session) {
      if (this.#request.skipRituals) {
        return reportIssue({
          severity: "error",
          code: "no-open-session",
          problem: "Cannot stop: no work session is open",
          hint: 'See the history with "rune report"',
        });
      }
      this.#say("no work session was open");
      return code;
    }
    if (session.project !== project) {
      this.#say(`the open work session is "${session.project}", not "${project}": it stays open`);
      return code;
    }
    const stopped = this.#store.stop(this.#request.at);
    if (!stopped.ok) return reportIssue(stopped.error);
    this.#say(`stopped "${project}": ${summary(stopped.value)}`);
    return code;
  }

  /** Refuses a bad --at before any ritual runs, with the rules the store applies later. */
  #check(
    state: Parameters<typeof applyEvent>[0],
    event: TrackingEvent,
    now: number,
  ): number | undefined {
    if (this.#request.at === undefined) return undefined;
    const r = applyEvent(state, event, { now });
    return r.ok ? undefined : reportIssue(r.error);
  }
}

function summary(session: WorkSession): string {
  const end = session.end ?? Date.now();
  return `${formatDuration(worked(session, end))} worked (${formatWhen(session.start, end)}–${
    formatWhen(end, end)
  })`;
}
