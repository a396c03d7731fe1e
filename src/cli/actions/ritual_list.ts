/** `rune ritual list [project]`: load the config, list, print. */
import { listRituals } from "../../planning/mod.ts";
import { formatListing } from "../../output/mod.ts";
import { suggest, visible } from "../../base/mod.ts";
import { outputColors } from "../output.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { loadProjectConfigOrReport } from "../project_config.ts";

export async function runRitualList(
  project: string | undefined,
  options: { json: boolean },
  globals: GlobalOptions,
): Promise<number> {
  // No template-variable check: it loads the template engine, and ritual list is on the
  // startup benchmark; the listing shows each text as written. `config validate` checks them.
  const loaded = await loadProjectConfigOrReport(globals, { templates: false });
  if (!loaded.ok) return loaded.error;
  const { config, file } = loaded.value;
  const listing = listRituals(config, project);
  if (project !== undefined && !globals.quiet) {
    const names = new Set([
      ...(config.projects ?? []).map((p) => p.name),
      ...Object.keys(config.rituals?.start?.per_project ?? {}),
      ...Object.keys(config.rituals?.stop?.per_project ?? {}),
    ]);
    const own = Object.keys(listing.start.per_project).length +
      Object.keys(listing.stop.per_project).length;
    if (!own && ![...names].some((n) => n.toLowerCase() === project.toLowerCase())) {
      const meant = suggest(project, names);
      console.error(visible(
        `rune: the config names no project "${project}": only global commands run for it` +
          (meant ? `\n  hint: did you mean "${meant}"?` : ""),
        { keepNewlines: true },
      ));
    }
  }
  if (options.json) {
    console.log(JSON.stringify({ file, ...listing }, null, 2));
  } else {
    const colors = outputColors("stdout", globals);
    console.log(
      [colors.dim(`config ${visible(file)}`), "", ...formatListing(listing, colors)].join("\n"),
    );
  }
  return EXIT.ok;
}
