/**
 * Where a background command's output goes. Pure. Both names pass through `pathComponent`,
 * so a project or step called `../../x` stays one directory and one file under the log dir.
 */
import { pathComponent, runePaths } from "../base/mod.ts";

/** $XDG_STATE_HOME/rune/logs/PROJECT/STEP-YYYYMMDD-HHMMSS.log */
export function backgroundLogFile(
  project: string,
  stepName: string,
  facts: { env: Readonly<Record<string, string>>; now: Date },
): string {
  const slug = stepName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const stamp = facts.now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${runePaths(facts.env).logDir}/${pathComponent(project, "project")}/` +
    `${pathComponent(slug, "command")}-${stamp}.log`;
}
