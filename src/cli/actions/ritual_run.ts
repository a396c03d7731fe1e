/** `rune start|stop`: load → detect → plan → print or run. */
import type { GlobalOptions } from "../globals.ts";
import type { RitualCommandOptions } from "../commands/start_stop.ts";
import type { RitualName } from "../../rituals/plan_types.ts";
import { loadConfigOrReport } from "./load_config.ts";

export async function runRitualCommand(
  ritual: RitualName,
  _project: string | undefined,
  _options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<number> {
  const loaded = await loadConfigOrReport(globals);
  if (!loaded.ok) return loaded.error;
  console.error(`rune ${ritual}: planning is not wired yet`);
  return 2;
}
