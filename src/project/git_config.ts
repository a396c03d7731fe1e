/** Reading what project detection needs from git's own files, without running git. Pure. */

/**
 * The `url` and `pushurl` values of every `[remote "NAME"]` section of a git config file, in
 * file order. Handles comments (`#`, `;`), quoted values with escapes, and section and key
 * names in any case. `include`/`includeIf` files and `url.*.insteadOf` rewrites are not
 * followed: remotes set there are not seen.
 */
export function remoteUrls(configText: string): string[] {
  const urls: string[] = [];
  let inRemote = false;
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const section = line.match(/^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/);
    if (section) {
      const name = section[1].toLowerCase();
      // [remote "origin"], or git's old spelling [remote.origin]
      inRemote = name === "remote" ? section[2] !== undefined : name.startsWith("remote.");
      continue;
    }
    if (!inRemote) continue;
    const kv = line.match(/^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    if (key !== "url" && key !== "pushurl") continue;
    const value = configValue(kv[2]);
    if (value) urls.push(value);
  }
  return urls;
}

/** A git config value: quotes removed, `\"` `\\` `\t` `\n` unescaped, comments dropped. */
function configValue(text: string): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      const n = text[++i];
      out += n === "t" ? "\t" : n === "n" ? "\n" : n === "b" ? "" : n;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === "#" || c === ";")) {
      break;
    } else {
      out += c;
    }
  }
  return out.trim();
}

/**
 * The host-and-path form of a remote URL, so one pattern matches every way of writing it:
 * `git@github.com:acme/web.git`, `ssh://git@github.com/acme/web`, `https://u@github.com/acme/web.git`
 * all give "github.com/acme/web". Local paths come back unchanged apart from a ".git" suffix.
 */
export function normalizeRemoteUrl(url: string): string {
  let rest = url.trim();
  const scheme = rest.match(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//);
  if (scheme) {
    rest = rest.slice(scheme[0].length).replace(/^[^@/]*@/, "");
  } else {
    const scp = rest.match(/^(?:[^@/:]+@)?([^/:]+):(.*)$/);
    if (scp) rest = `${scp[1]}/${scp[2]}`;
  }
  return rest.replace(/\/+$/, "").replace(/\.git$/, "").replace(/(?<=^[^/]*):\d+(?=\/)/, "")
    .replace(/\/{2,}/g, "/");
}

/** The target of a `.git` file (`gitdir: PATH`), as written; undefined when it is not one. */
export function gitdirTarget(dotGitFileText: string): string | undefined {
  const m = dotGitFileText.match(/^gitdir:\s*(.+?)\s*$/m);
  return m ? m[1] : undefined;
}
