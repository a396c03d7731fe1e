/**
 * The text of a config scalar exactly as written (quotes included), for pointing an issue at a
 * column inside the value. Pure: answers from the parsed YAML document and its source text.
 */
import { isScalar } from "yaml";
import type { Document } from "yaml";

/** `(path) => '"dev-{{.Project}}"'`; undefined where the path is not a scalar in the file. */
export function rawScalarReader(
  doc: Document,
  text: string,
): (path: readonly (string | number)[]) => string | undefined {
  return (path) => {
    const node = doc.getIn(path, true);
    return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
  };
}
