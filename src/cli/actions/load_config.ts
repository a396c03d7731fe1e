/** Loads the config for a command and prints every problem; the caller gets an exit code. */
import { loadConfig } from "../../config/load.ts";
import type { LoadedConfig } from "../../config/load.ts";
import { err, formatIssue, ok } from "../../result.ts";
import type { Result } from "../../result.ts";
import type { GlobalOptions } from "../globals.ts";
import { EXIT } from "../exit_codes.ts";

export async function loadConfigOrReport(
  globals: GlobalOptions,
): Promise<Result<LoadedConfig, number>> {
  const loaded = await loadConfig({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: Deno.cwd(),
    strict: globals.strict,
  });
  if (loaded.ok) {
    if (!globals.quiet) { for (const w of loaded.value.warnings) console.error(formatIssue(w)); }
    return ok(loaded.value);
  }
  const failure = loaded.error;
  switch (failure.kind) {
    case "not-found": {
      const tried = failure.tried.map((c) => `  ${c.path}  (${c.source})`).join("\n");
      const explicit = failure.tried.some((c) => c.explicit);
      console.error(
        explicit
          ? `rune: cannot read the config: "${failure.tried[0].path}" does not exist\n` +
            `  hint: check the path given with ${failure.tried[0].source}`
          : `rune: cannot find a config: none of these exist:\n${tried}\n` +
            `  hint: create ${failure.tried[0].path} (\`rune init\` will write one there), ` +
            `or pass --config PATH`,
      );
      return err(EXIT.usage);
    }
    case "unreadable":
      console.error(`rune: cannot read the config "${failure.file}": ${failure.message}`);
      return err(EXIT.usage);
    case "invalid": {
      for (const issue of failure.issues) console.error(formatIssue(issue));
      const errors = failure.issues.filter((i) => i.severity === "error").length;
      const warnings = failure.issues.length - errors;
      console.error(
        `rune: the config has ${errors} error(s)${
          warnings ? ` and ${warnings} warning(s)` : ""
        }; ` +
          `nothing ran`,
      );
      return err(EXIT.usage);
    }
  }
}
