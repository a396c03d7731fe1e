/**
 * Project names from manifest files: package.json, deno.json(c), go.mod, Cargo.toml,
 * pyproject.toml. Pure: text in, raw name out (sanitized later). Only the few lines that
 * hold the name are understood; anything unreadable gives no name rather than an error.
 */
import { stripNpmScope } from "./sanitize.ts";

/** Looked for in this order within one directory. */
export const MANIFEST_FILES = [
  "package.json",
  "deno.json",
  "deno.jsonc",
  "go.mod",
  "Cargo.toml",
  "pyproject.toml",
] as const;
export type ManifestFile = typeof MANIFEST_FILES[number];

export interface ManifestName {
  name: string;
  /** For detectedBy: "package.json name", "go.mod module", … */
  source: string;
}

export function nameFromManifest(file: ManifestFile, text: string): ManifestName | undefined {
  switch (file) {
    case "package.json":
    case "deno.json":
    case "deno.jsonc":
      return jsonName(file, text);
    case "go.mod":
      return goModule(text);
    case "Cargo.toml":
      return tomlName(text, ["package"], "Cargo.toml package name");
    case "pyproject.toml":
      return tomlName(text, ["project"], "pyproject.toml project name") ??
        tomlName(text, ["tool.poetry"], "pyproject.toml tool.poetry name");
  }
}

function jsonName(file: ManifestFile, text: string): ManifestName | undefined {
  let data: unknown;
  try {
    data = JSON.parse(
      file === "deno.jsonc" || file === "deno.json" ? stripJsonComments(text) : text,
    );
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const name = (data as Record<string, unknown>).name;
  if (typeof name !== "string" || stripNpmScope(name).trim() === "") return undefined;
  return { name: stripNpmScope(name), source: `${file} name` };
}

/** JSONC → JSON: comments and trailing commas removed, strings left alone. */
export function stripJsonComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, "$1");
}

function stringEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, text.length);
}

/** `module example.com/acme/web/v2` → "web" (a /vN major-version suffix is not the name). */
function goModule(text: string): ManifestName | undefined {
  const m = text.match(/^\s*module\s+(?:"([^"]+)"|`([^`]+)`|(\S+))/m);
  if (!m) return undefined;
  const path = (m[1] ?? m[2] ?? m[3]).replace(/\/v\d+$/, "");
  const name = path.split("/").filter(Boolean).pop();
  return name ? { name, source: "go.mod module" } : undefined;
}

/** `name = "…"` in the first `[section]` of `sections`: just enough TOML for manifests. */
function tomlName(text: string, sections: string[], source: string): ManifestName | undefined {
  let current = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      // [[bin]] and other array tables have names of their own: never the package's.
      const header = line.match(/^\[\s*([A-Za-z0-9_.\-" ]+?)\s*\](?:\s*#.*)?$/);
      current = header ? header[1].replace(/["\s]/g, "") : "";
      continue;
    }
    if (!sections.includes(current)) continue;
    const kv = line.match(/^name\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/);
    if (kv) {
      const name = kv[1] !== undefined ? kv[1].replace(/\\(.)/g, "$1") : kv[2];
      return name.trim() ? { name, source } : undefined;
    }
  }
  return undefined;
}
