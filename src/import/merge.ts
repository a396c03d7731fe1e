/**
 * Merging an import into the user's config text through yaml's Document API, so their comments,
 * key order and formatting stay as they are. A template of the same name (in either template
 * place) is never replaced without `force`. Pure: text in, text out.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node } from "yaml";
import { err, errorIssue, ok } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { orderedCommand, orderedTemplate, warningLine, YAML_OUTPUT } from "./render.ts";
import type { ImportResult, RuneCommand } from "./types.ts";

export interface MergeOptions {
  /** Replace a template of the same name (and the steps an earlier import made). */
  force?: boolean;
  /** The config's path, for issue locations (default "config.yaml"). */
  file?: string;
  /** The comment above the template (default: which tool and file it was imported from). */
  comment?: string;
}

const TEMPLATE_PLACES = [["rituals", "templates"], ["rituals", "start", "templates"]];

/**
 * `existingText` with `result` merged in: the template under rituals.templates (or where a
 * same-named one already is, with `force`), the steps appended to per_project lists. Fails with
 * a "template-exists" issue rather than overwrite, and on YAML errors in `existingText`.
 */
export function mergeIntoConfig(
  existingText: string,
  result: ImportResult,
  options: MergeOptions = {},
): Result<string, Issue[]> {
  const file = options.file ?? "config.yaml";
  const lines = new LineCounter();
  const doc = parseDocument(existingText, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length) {
    return err(
      doc.errors.map((e) =>
        errorIssue("yaml-syntax", `Cannot merge into ${file}: ${e.message.split("\n")[0]}`, {
          where: at(e.pos[0]),
          hint: "Fix the config's YAML first (`rune config validate`)",
        })
      ),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    (doc as unknown as Document).contents = doc.createNode({});
  }
  if (!isMap(doc.contents)) {
    return err([
      errorIssue("import-merge", `Cannot merge into ${file}: its top level is not a map`, {
        where: isNode(doc.contents) && doc.contents.range ? at(doc.contents.range[0]) : undefined,
        hint: "Print the fragment without --write and merge it by hand",
      }),
    ]);
  }
  const existing = TEMPLATE_PLACES.map((p) => [...p, result.name])
    .find((p) => doc.hasIn(p));
  if (existing && !options.force) {
    const node = doc.getIn(existing, true);
    return err([errorIssue(
      "template-exists",
      `Cannot write template "${result.name}" into ${file}: ${existing.join(".")} already exists`,
      {
        where: isNode(node) && node.range ? at(node.range[0]) : undefined,
        hint: "Pass --force to replace it, or rename the existing template first",
      },
    )]);
  }
  const templatePath = existing ?? ["rituals", "templates", result.name];
  const templateNode = doc.createNode(orderedTemplate(result.template)) as Node;
  templateNode.commentBefore = options.comment ?? comment(result);
  ensureMaps(doc, templatePath.slice(0, -1));
  doc.setIn(templatePath, templateNode);
  const problems = [
    ...appendSteps(doc, ["rituals", "start", "per_project", result.name], result.start, result),
    ...appendSteps(doc, ["rituals", "stop", "per_project", result.name], result.stop, result),
  ];
  if (problems.length) {
    return err(
      problems.map((p) => errorIssue("import-merge", p, { hint: "Merge the fragment by hand" })),
    );
  }
  return ok(doc.toString({ ...YAML_OUTPUT, flowCollectionPadding: false }));
}

function comment(result: ImportResult): string {
  const lines = [` imported by \`rune import ${result.kind}\` from ${result.file}`];
  if (result.warnings.length) {
    lines.push(" not imported, or imported differently:");
    for (const w of result.warnings) lines.push(`   ${warningLine(w)}`);
  }
  return lines.join("\n");
}

/** Makes every map along `path` exist (an empty `rituals:` is null, not a map). */
function ensureMaps(doc: Document, path: string[]): void {
  for (let n = 1; n <= path.length; n++) {
    const node = doc.getIn(path.slice(0, n), true);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      doc.setIn(path.slice(0, n), doc.createNode({}));
    }
  }
}

/**
 * Appends `steps` to the list at `path`, first removing what an earlier import of this template
 * made (its session step, and steps with the same name and command), so importing again never
 * doubles a step.
 */
function appendSteps(
  doc: Document,
  path: string[],
  steps: RuneCommand[],
  result: ImportResult,
): string[] {
  if (!steps.length) return [];
  ensureMaps(doc, path.slice(0, -1));
  let list = doc.getIn(path, true);
  if (list === undefined || (isScalar(list) && list.value === null)) {
    doc.setIn(path, doc.createNode([]));
    list = doc.getIn(path, true);
  }
  if (!isSeq(list)) return [`Cannot add the imported steps to ${path.join(".")}: it is not a list`];
  const same = (item: unknown) =>
    isMap(item) && (item.get("tmux_template") === result.name ||
      steps.some((s) => s.name === item.get("name") && s.command === item.get("command")));
  list.items = list.items.filter((item) => !same(item));
  for (const s of steps) list.items.push(doc.createNode(orderedCommand(s)));
  return [];
}
