/** The three converters by tool name, for `rune import TOOL FILE`. */
import type { Issue, Result } from "../base/mod.ts";
import { importSmug } from "./smug.ts";
import { importTmuxinator } from "./tmuxinator.ts";
import { importTmuxp } from "./tmuxp.ts";
import type { ImportFacts, ImportResult, SourceKind } from "./types.ts";

/** text (YAML or JSON) + the file's path + facts → the import, or every problem found. */
export type Importer = (
  text: string,
  file: string,
  facts: ImportFacts,
) => Result<ImportResult, Issue[]>;

export const IMPORTERS: Readonly<Record<SourceKind, Importer>> = {
  tmuxinator: importTmuxinator,
  tmuxp: importTmuxp,
  smug: importSmug,
};
