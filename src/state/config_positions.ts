/**
 * Where each value of a validated config sits in its file, as plain data the config cache can
 * keep, and the `locate`/`locateKey` answers read back from it. Pure.
 *
 * The table holds the loader's own answer for every path of the config's data (every key and
 * list item rune uses), so a config from the cache locates a planning issue at the same
 * file:line:col as a freshly parsed one. A path that is not in the data (a key the config does
 * not set) is answered with its nearest parent in the table, as the loader answers it.
 */
import type { Location } from "../base/mod.ts";

type Path = readonly (string | number)[];

/** One located path: [line, column] of its value, then of its key when that differs. */
export type PositionRow = [number, number] | [number, number, number, number] | null;

export interface PositionTable {
  /** The file every location names. */
  file: string;
  /** JSON.stringify(path) → its row. */
  rows: Record<string, PositionRow>;
}

export interface Locators {
  locate(path: Path): Location | undefined;
  locateKey(path: Path): Location | undefined;
}

/** The table of `data`, answered by `from` (the loader's locate and locateKey). */
export function positionTable(file: string, data: unknown, from: Locators): PositionTable {
  const rows: Record<string, PositionRow> = {};
  const visit = (path: (string | number)[], value: unknown) => {
    rows[JSON.stringify(path)] = rowOf(from.locate(path), from.locateKey(path), file);
    if (Array.isArray(value)) value.forEach((item, i) => visit([...path, i], item));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) visit([...path, key], item);
    }
  };
  visit([], data);
  return { file, rows };
}

function rowOf(
  value: Location | undefined,
  key: Location | undefined,
  file: string,
): PositionRow {
  // A location in another file cannot be kept as a row: the table then answers nothing for it.
  if (!value || value.file !== file) return null;
  if (!key || key.file !== file || (key.line === value.line && key.column === value.column)) {
    return [value.line, value.column];
  }
  return [value.line, value.column, key.line, key.column];
}

/** locate and locateKey answered from `table`. */
export function tableLocators(table: PositionTable): Locators {
  const at = (line: number, column: number): Location => ({ file: table.file, line, column });
  // The row of `path`, or of its nearest parent that has one.
  const nearest = (path: Path): PositionRow | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const row = table.rows[JSON.stringify(path.slice(0, n))];
      if (row !== undefined) return row;
    }
    return undefined;
  };
  return {
    locate(path) {
      const row = nearest(path);
      return row ? at(row[0], row[1]) : undefined;
    },
    locateKey(path) {
      const row = table.rows[JSON.stringify(path)];
      if (row && row.length === 4) return at(row[2], row[3]);
      if (row) return at(row[0], row[1]);
      const parent = nearest(path);
      return parent ? at(parent[0], parent[1]) : undefined;
    },
  };
}

/** Whether `value` has the shape of a PositionTable (a cache file may be damaged). */
export function isPositionTable(value: unknown): value is PositionTable {
  if (value === null || typeof value !== "object") return false;
  const t = value as { file?: unknown; rows?: unknown };
  if (typeof t.file !== "string" || t.rows === null || typeof t.rows !== "object") return false;
  return Object.values(t.rows as Record<string, unknown>).every((row) =>
    row === null ||
    (Array.isArray(row) && (row.length === 2 || row.length === 4) &&
      row.every((n) => Number.isInteger(n)))
  );
}
