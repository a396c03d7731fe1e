/** `rune ls`: the config's overview (src/planning), rune's sessions (src/tmux), printed. */
import { configOverview } from "../../planning/mod.ts";
import { formatOverview } from "../../output/mod.ts";
import type { SessionsFact } from "../../output/mod.ts";
import { filterEnv } from "../../env/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import { listRuneSessions } from "../../tmux/mod.ts";
import type { SocketChoice } from "../../tmux/mod.ts";
import type { Config } from "../../config/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { visible } from "../../base/mod.ts";
import { loadConfigOrReport } from "../load_config.ts";
import { outputColors } from "../output.ts";
import { readTerminal, tmuxWorldFor } from "../world.ts";

export async function runLs(
  options: { json: boolean; socket: SocketChoice },
  globals: GlobalOptions,
): Promise<number> {
  const loaded = await loadConfigOrReport(globals, { templates: false });
  if (!loaded.ok) return loaded.error;
  const { config, file } = loaded.value;
  const overview = configOverview(config);
  const sessions = await runeSessions(config, options.socket);
  if (options.json) {
    console.log(JSON.stringify(
      {
        file,
        ...overview,
        sessions: sessions.ok ? sessions.sessions : null,
        ...(sessions.ok ? {} : { sessionsUnlisted: sessions.message }),
      },
      null,
      2,
    ));
  } else {
    const c = outputColors("stdout", globals);
    const lines = [c.dim(`config ${visible(file)}`), "", ...formatOverview(overview, sessions, c)];
    console.log(lines.join("\n"));
  }
  return EXIT.ok;
}

/** rune's sessions on the server `rune start` would use; tmux missing is a fact, not a failure. */
export async function runeSessions(config: Config, socket: SocketChoice): Promise<SessionsFact> {
  const env = Deno.env.toObject();
  const rules = config.settings?.env ?? {};
  const world = tmuxWorldFor({
    config,
    env,
    baseEnv: filterEnv(env, { allow: rules.allow ?? [], deny: rules.deny ?? [] }).kept,
    socket,
    terminal: readTerminal(),
    detach: false,
  });
  const r = await listRuneSessions(denoRuntime, world.socketArgs, world.clientEnv);
  if (r.ok) return { ok: true, sessions: r.sessions };
  return { ok: false, message: r.missing ? "tmux is not installed (or not on PATH)" : r.message };
}
