/** `rune doctor`'s look at the work-session store: opened only if it exists, then checked. */
import { formatIssue } from "../../base/mod.ts";
import type { StoreFact } from "../../doctor/mod.ts";
import { openStore, workStorePath } from "../../state/mod.ts";
import { dataDirIfAllowed } from "../work_store.ts";

export function storeFact(): StoreFact {
  const dir = dataDirIfAllowed();
  if (dir === undefined) return { state: "unchecked" };
  const path = workStorePath(dir);
  try {
    Deno.statSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { state: "none", path };
    throw e;
  }
  const opened = openStore(dir);
  if (!opened.ok) {
    return { state: "damaged", path, problems: [opened.error.problem], fix: opened.error.hint };
  }
  try {
    const health = opened.value.check();
    const errors = health.issues.filter((i) => i.severity === "error");
    if (errors.length) {
      return {
        state: "damaged",
        path,
        problems: errors.map((i) => i.problem),
        fix: errors.find((i) => i.hint)?.hint,
      };
    }
    return {
      state: "ok",
      path,
      sessions: health.sessions,
      schemaVersion: health.schemaVersion,
      warnings: health.issues.map((i) => formatIssue(i).replace(/^warning: /, "")),
    };
  } finally {
    opened.value.close();
  }
}
