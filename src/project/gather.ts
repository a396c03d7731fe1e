/**
 * Fills `ProjectFacts` for the decision, reading only what the rules in play need: a stat per
 * ancestor for `.git`, a stat per literal file rule per searched directory, one listing per
 * directory a glob looks in, and manifests only when no rule holds. Never recurses. Needs
 * --allow-read; the environment comes in as a value.
 */
import type { ProjectSpec } from "../config/mod.ts";
import type { EntryKind, ProjectFacts } from "./facts.ts";
import { compileDetectRules } from "./rules.ts";
import type { DetectRule, EntryRule } from "./rules.ts";
import { findGit } from "./git.ts";
import { matchRule } from "./match.ts";
import { MANIFEST_FILES, nameFromManifest } from "./manifests.ts";
import { normalizePath, parentDir, searchDirs } from "./paths.ts";
import { sanitizeName } from "./sanitize.ts";
import { listDir, readText, realPath, statId, statKind } from "./fs_read.ts";
import { findNamed } from "./decide.ts";

export interface GatherOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  projects: readonly ProjectSpec[];
  argument?: string;
}

export async function gatherProjectFacts(options: GatherOptions): Promise<ProjectFacts> {
  const cwd = normalizePath(options.cwd);
  const home = options.env.HOME ? normalizePath(options.env.HOME) : undefined;
  const facts: ProjectFacts = { cwd, home, env: options.env, entries: {}, manifests: {} };
  const { rules } = compileDetectRules(options.projects, home);
  let inPlay: DetectRule[];
  if (options.argument === undefined) {
    inPlay = rules.flat();
  } else {
    // A named project needs only its own rules (for its dir); an unknown name needs nothing.
    const i = findNamed(options.projects.map((p) => p.name), options.argument);
    if (i === undefined) return facts;
    inPlay = rules[i];
  }

  facts.git = await findGit(cwd, inPlay.some((r) => r.kind === "git-remote"));
  const dirs = searchDirs(cwd, facts.git?.root, home);
  const entries: Record<string, Record<string, EntryKind>> = {};
  for (const dir of dirs) entries[dir] = {};
  facts.entries = entries;
  const listings = new Map<string, Awaited<ReturnType<typeof listDir>>>();
  for (const rule of inPlay) {
    if (rule.kind !== "entry") continue;
    for (const dir of dirs) await gatherEntry(rule, dir, entries[dir], listings);
  }
  await gatherLocations(inPlay, facts, options.env.PWD);

  const ruleHolds = inPlay.some((r) => matchRule(r, facts) !== undefined);
  if (options.argument === undefined && !ruleHolds) facts.manifests = await gatherManifests(dirs);
  return facts;
}

async function gatherEntry(
  rule: EntryRule,
  dir: string,
  into: Record<string, EntryKind>,
  listings: Map<string, Awaited<ReturnType<typeof listDir>>>,
): Promise<void> {
  if (!rule.glob) {
    if (rule.path in into) return;
    const kind = await statKind(`${dir}/${rule.path}`);
    if (kind !== undefined) into[rule.path] = kind;
    return;
  }
  const sub = rule.path.includes("/") ? parentDir(rule.path) : "";
  const listed = sub ? `${dir}/${sub}` : dir;
  let listing = listings.get(listed);
  if (!listing) listings.set(listed, listing = await listDir(listed));
  for (const entry of listing) {
    if (!rule.glob.test(entry.name)) continue;
    const key = sub ? `${sub}/${entry.name}` : entry.name;
    if (key in into && into[key] !== "other") continue;
    into[key] = entry.link ? (await statKind(`${listed}/${entry.name}`) ?? "other") : entry.kind;
  }
}

/** The shell's $PWD when it is the cwd by another path, and where literal dir: paths lead. */
async function gatherLocations(rules: DetectRule[], facts: ProjectFacts, pwd: string | undefined) {
  const places = rules.filter((r) => r.kind === "location");
  if (places.length === 0) return;
  if (pwd?.startsWith("/") && normalizePath(pwd) !== facts.cwd) {
    const [a, b] = await Promise.all([statId(pwd), statId(facts.cwd)]);
    if (a !== undefined && a === b) facts.cwdAliases = [normalizePath(pwd)];
  }
  const realPaths: Record<string, string> = {};
  for (const rule of places) {
    if (rule.kind !== "location" || rule.path === undefined) continue;
    const real = await realPath(rule.path);
    if (real !== undefined && real !== rule.path) realPaths[rule.path] = real;
  }
  if (Object.keys(realPaths).length) facts.realPaths = realPaths;
}

/** Manifests nearest first, stopping at the first directory that yields a usable name. */
async function gatherManifests(dirs: string[]): Promise<Record<string, string>> {
  const manifests: Record<string, string> = {};
  for (const dir of dirs) {
    for (const file of MANIFEST_FILES) {
      const path = dir === "/" ? `/${file}` : `${dir}/${file}`;
      const text = await readText(path);
      if (text === undefined) continue;
      manifests[path] = text;
      const found = nameFromManifest(file, text);
      if (found && sanitizeName(found.name)) return manifests;
    }
  }
  return manifests;
}
