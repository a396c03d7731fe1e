/** `rune doctor`: gathers the facts (versions, config, tmux, script, permissions) and prints. */
import { configCandidates, importLazy, RUN_PROGRAMS, VERSION, visible } from "../../base/mod.ts";
import { outputColors } from "../output.ts";
import { readTerminal } from "../world.ts";
import { doctorChecks, doctorExitCode, ignoredKeys, trackingChecks } from "../../doctor/mod.ts";
import type { DoctorFacts, PermissionFact } from "../../doctor/mod.ts";
import { denoRuntime, findProgram } from "../../exec/mod.ts";
import { isSupported, MIN_TMUX, parseTmuxVersion } from "../../tmux/mod.ts";
import { detectScriptFlavour } from "../../pty/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { currentDir } from "../cwd.ts";
import { storeFact } from "./doctor_store.ts";

export async function runDoctor(options: { json: boolean }, globals: GlobalOptions) {
  const permissions = queryPermissions();
  const fact = (name: string) => permissions.find((p) => p.name === name);
  const granted = (name: string) => fact(name)?.granted ?? false;
  const installed = (name: string) => fact(name)?.installed !== false;
  const env = granted("env") ? Deno.env.toObject() : {};
  const config = granted("read") && granted("env")
    ? await configFact(globals, env)
    : { fact: { state: "unchecked" as const } };
  const facts: DoctorFacts = {
    runeVersion: VERSION,
    denoVersion: Deno.version.deno,
    runningAs: runningAs(),
    config: config.fact,
    // A program that is not on PATH cannot be granted: say it is missing, not forbidden.
    tmux: granted("run:tmux") ? await tmuxFact() : installed("run:tmux") ? "unchecked" : null,
    script: granted("run:script")
      ? await detectScriptFlavour(denoRuntime)
      : installed("run:script")
      ? "unchecked"
      : null,
    permissions,
    terminal: readTerminal().stdin,
    insideTmux: Boolean(env.TMUX),
  };
  const tracking = { store: storeFact(), ignored: config.ignored ?? [] };
  const checks = [...doctorChecks(facts), ...trackingChecks(tracking)];
  if (options.json) {
    console.log(JSON.stringify({ checks, facts: { ...facts, ...tracking } }, null, 2));
  } else {
    const c = outputColors("stdout", globals);
    const mark = { ok: c.green("✓"), warn: c.yellow("!"), fail: c.red("✗") };
    const width = Math.max(...checks.map((k) => k.name.length));
    for (const check of checks) {
      // Details hold paths and program output: their control characters are shown.
      console.log(`${mark[check.status]} ${check.name.padEnd(width)}  ${visible(check.detail)}`);
      if (check.fix) console.log(`  ${" ".repeat(width)}  ${c.dim(`fix: ${visible(check.fix)}`)}`);
    }
  }
  return doctorExitCode(checks);
}

function queryPermissions(): PermissionFact[] {
  const q = (descriptor: Deno.PermissionDescriptor) =>
    Deno.permissions.querySync(descriptor).state === "granted";
  return [
    { name: "read", granted: q({ name: "read" }), flag: "--allow-read" },
    { name: "write", granted: q({ name: "write" }), flag: "--allow-write" },
    { name: "env", granted: q({ name: "env" }), flag: "--allow-env" },
    ...RUN_PROGRAMS.map((p) => ({
      name: `run:${p}`,
      granted: q({ name: "run", command: p }),
      flag: `--allow-run=${RUN_PROGRAMS.join(",")}`,
      installed: findProgram(p) !== undefined,
    })),
  ];
}

function runningAs(): string {
  const main = Deno.mainModule;
  if (!main.startsWith("file:")) return "compiled binary";
  const path = new URL(main).pathname;
  return path.endsWith(".js") ? `bundle ${path}` : `source ${path}`;
}

/** The config's check, and the keys of it rune ignores once it loads. */
async function configFact(
  globals: GlobalOptions,
  env: Record<string, string>,
): Promise<{ fact: DoctorFacts["config"]; ignored?: string[] }> {
  // Read afresh, not from the validated-config cache: doctor reports on the file as it is.
  // (Loaded only here: read is granted, and `rune doctor` without it must load nothing big.)
  const { loadConfig } = await importLazy<typeof import("../../config/mod.ts")>("src/config/mod");
  const loaded = await loadConfig({ flag: globals.config, env, cwd: currentDir() });
  const first = configCandidates(globals.config, env, currentDir())[0];
  if (loaded.ok) {
    const source = configCandidates(globals.config, env, currentDir())
      .find((c) => c.path === loaded.value.file)?.source ?? first.source;
    return {
      fact: {
        state: "loaded",
        path: loaded.value.file,
        source,
        warnings: loaded.value.warnings.length,
        flag: globals.config,
      },
      ignored: ignoredKeys(loaded.value.config),
    };
  }
  const failure = loaded.error;
  if (failure.kind === "not-found") return { fact: { state: "missing", wouldBe: first.path } };
  const foreign = failure.kind === "invalid"
    ? failure.issues.find((i) => i.code === "foreign-config")
    : undefined;
  if (foreign) {
    return {
      fact: {
        state: "foreign",
        path: failure.file,
        source: first.source,
        problem: foreign.problem,
        hint: foreign.hint ?? "",
      },
    };
  }
  const errors = failure.kind === "invalid"
    ? failure.issues.filter((i) => i.severity === "error").length
    : 1;
  return {
    fact: {
      state: "invalid",
      path: failure.file,
      source: first.source,
      errors,
      flag: globals.config,
    },
  };
}

async function tmuxFact(): Promise<DoctorFacts["tmux"]> {
  const r = await denoRuntime.run(["tmux", "-V"]);
  const version = r.code === 0 ? parseTmuxVersion(r.stdout) : undefined;
  if (!version) return null;
  return { version: version.text, supported: isSupported(version), minimum: MIN_TMUX.text };
}
