/** `rune start|stop`: load → detect → plan → print (--dry-run) or run. */
import type { GlobalOptions } from "../globals.ts";
import type { RitualCommandOptions } from "../commands/start_stop.ts";
import type { RitualName } from "../../rituals/plan_types.ts";
import { planRitual } from "../../rituals/plan.ts";
import { formatPlan } from "../../rituals/format_plan.ts";
import { findProject } from "../../project/detect.ts";
import { formatIssue } from "../../result.ts";
import type { Issue } from "../../result.ts";
import { makeColors, wantsColor } from "../../colors.ts";
import { EXIT } from "../exit_codes.ts";
import { loadConfigOrReport } from "./load_config.ts";

export async function runRitualCommand(
  ritual: RitualName,
  projectArg: string | undefined,
  options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<number> {
  const loaded = await loadConfigOrReport(globals);
  if (!loaded.ok) return loaded.error;
  const env = Deno.env.toObject();
  const cwd = Deno.cwd();
  const project = await findProject({
    argument: projectArg,
    projects: loaded.value.config.projects ?? [],
    cwd,
    env,
  });
  if (!project.ok) return reportIssues(project.error, "cannot tell which project this is");

  const plan = planRitual(loaded.value, ritual, project.value, {
    env,
    now: new Date(),
    isDirectory,
  });
  if (!plan.ok) return reportIssues(plan.error, `cannot plan the ${ritual} ritual`);

  if (options.dryRun) {
    if (options.json) {
      console.log(JSON.stringify(plan.value, null, 2));
    } else {
      const colors = makeColors(wantsColor("stdout", !globals.color));
      const lines = formatPlan(plan.value, { colors, home: env.HOME });
      console.log([...lines, "", colors.dim("dry run: nothing was run")].join("\n"));
    }
    return EXIT.ok;
  }
  console.error(`rune ${ritual}: running plans arrives with the ritual engine; use --dry-run`);
  return EXIT.usage;
}

function reportIssues(issues: Issue[], what: string): number {
  for (const issue of issues) console.error(formatIssue(issue));
  const errors = issues.filter((i) => i.severity === "error").length;
  console.error(`rune: ${what}: ${errors} problem(s); nothing ran`);
  return errors ? EXIT.usage : EXIT.ok;
}

function isDirectory(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}
