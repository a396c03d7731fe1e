import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { filterEnv, hiddenNames, looksSecret, withoutNames } from "../../src/env/filter.ts";

Deno.test("looksSecret() removes what holds secrets and keeps what tools need", async (t) => {
  const cases: [string, boolean][] = [
    // secrets
    ["AWS_SECRET_ACCESS_KEY", true],
    ["AWS_SESSION_TOKEN", true],
    ["AWS_ACCESS_KEY_ID", true],
    ["GITHUB_TOKEN", true],
    ["NPM_TOKEN", true],
    ["GH_TOKEN", true],
    ["DB_PASSWORD", true],
    ["MYSQL_PWD", true],
    ["PGPASSWORD", true],
    ["HOMEBREW_GITHUB_API_TOKEN", true],
    ["STRIPE_API_KEY", true],
    ["OPENAI_API_KEY", true],
    ["MY_PRIVATE_KEY", true],
    ["GOOGLE_APPLICATION_CREDENTIALS", true],
    ["AZURE_CLIENT_SECRET", true],
    ["SESSION_COOKIE", true],
    ["AUTH_BEARER", true],
    ["SENTRY_DSN", true],
    ["DATABASE_URL", true],
    ["SSH_KEY_PASSPHRASE", true],
    ["secret", true],
    ["SMTP_PASS", true],
    ["DB_PWD", true],
    ["NPM_CONFIG__AUTH", true],
    ["JWT_KEY", true],
    ["MASTER_KEY", true],
    // what Go Rune removes by mistake
    ["SSH_AUTH_SOCK", false],
    ["SSH_AGENT_PID", false],
    ["DBUS_SESSION_BUS_ADDRESS", false],
    ["XDG_SESSION_ID", false],
    ["XDG_SESSION_TYPE", false],
    ["GPG_AGENT_INFO", false],
    ["KEYTIMEOUT", false],
    ["SUDO_USER", false],
    ["TOKENIZERS_PARALLELISM", false],
    ["PASSENGER_APP_ENV", false],
    ["DO_NOT_TRACK", false],
    ["KEYBOARD_LAYOUT", false],
    ["SSH_KEY_PATH", false],
    ["PASS_THROUGH_MODE", false],
    ["AUTHOR_NAME", false],
    // plain
    ["PATH", false],
    ["HOME", false],
    ["TERM", false],
    ["LANG", false],
    ["LC_ALL", false],
    ["EDITOR", false],
  ];
  for (const [name, want] of cases) {
    await t.step(
      `${name} → ${want ? "removed" : "kept"}`,
      () => strictEqual(looksSecret(name), want),
    );
  }
});

Deno.test("filterEnv() applies deny, then allow, then the default rule", () => {
  const env = {
    PATH: "/bin",
    GITHUB_TOKEN: "t",
    AWS_PROFILE: "dev",
    AWS_SECRET_ACCESS_KEY: "s",
    MY_APP_TOKEN: "m",
    SSH_AUTH_SOCK: "/run/ssh",
    INTERNAL_URL: "u",
    LD_LIBRARY_PATH: "/opt/lib",
  };
  const r = filterEnv(env, { allow: ["MY_APP_*", "LD_LIBRARY_PATH"], deny: ["INTERNAL_*"] });
  deepStrictEqual(r.kept, {
    PATH: "/bin",
    AWS_PROFILE: "dev",
    MY_APP_TOKEN: "m",
    SSH_AUTH_SOCK: "/run/ssh",
  });
  deepStrictEqual(r.removed, [
    "AWS_SECRET_ACCESS_KEY",
    "GITHUB_TOKEN",
    "INTERNAL_URL",
    "LD_LIBRARY_PATH",
  ]);
});

Deno.test("filterEnv() patterns are whole-name globs, not substrings", () => {
  const r = filterEnv({ A_TOKEN_X: "1", XA_TOKEN: "2" }, { allow: ["A_*"] });
  deepStrictEqual(Object.keys(r.kept), ["A_TOKEN_X"]);
  deepStrictEqual(r.removed, ["XA_TOKEN"]);
});

Deno.test("withoutNames() gives children the env minus exactly the names the plan withholds", () => {
  const env = { PATH: "/bin", GITHUB_TOKEN: "t", LD_PRELOAD: "x.so", HOME: "/h" };
  const { removed } = filterEnv(env);
  deepStrictEqual(withoutNames(env, removed), filterEnv(env).kept);
  deepStrictEqual(withoutNames(env, ["HOME"]), {
    PATH: "/bin",
    GITHUB_TOKEN: "t",
    LD_PRELOAD: "x.so",
  });
});

Deno.test("hiddenNames() lists what the filter removed, sorted, never values", () => {
  deepStrictEqual(
    hiddenNames({ PATH: "/bin", GITHUB_TOKEN: "x", AWS_SECRET_ACCESS_KEY: "y" }, { PATH: "/bin" }),
    ["AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN"],
  );
});
