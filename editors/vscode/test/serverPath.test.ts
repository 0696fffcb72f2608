import { test } from "node:test";
import * as assert from "node:assert/strict";
import { expandPath, findServer } from "../src/serverPath";

function lookup(executables: string[], over: Partial<Parameters<typeof findServer>[0]> = {}) {
  return findServer({
    extensionPath: "/ext",
    envPath: "/usr/local/bin:/usr/bin",
    platform: "linux",
    workspaceFolder: "/ws",
    home: "/home/ann",
    isExecutable: (p) => executables.includes(p),
    ...over,
  });
}

test("the setting wins over the bundled binary and PATH", () => {
  const r = lookup(["/opt/copydesk", "/ext/server/copydesk", "/usr/bin/copydesk"], { settingPath: "/opt/copydesk" });
  assert.deepEqual(r.found, { path: "/opt/copydesk", source: "setting" });
});

test("the bundled binary comes before PATH", () => {
  const r = lookup(["/ext/server/copydesk", "/usr/bin/copydesk"], { settingPath: "" });
  assert.deepEqual(r.found, { path: "/ext/server/copydesk", source: "bundled" });
});

test("PATH is searched in order", () => {
  const r = lookup(["/usr/local/bin/copydesk", "/usr/bin/copydesk"]);
  assert.deepEqual(r.found, { path: "/usr/local/bin/copydesk", source: "path" });
});

test("a setting pointing nowhere falls through, and is reported as tried", () => {
  const r = lookup(["/usr/bin/copydesk"], { settingPath: "~/bin/copydesk" });
  assert.deepEqual(r.found, { path: "/usr/bin/copydesk", source: "path" });
  assert.equal(r.tried[0], "copydesk.server.path: /home/ann/bin/copydesk");
});

test("relative settings are relative to the workspace folder; ${workspaceFolder} expands", () => {
  assert.equal(lookup(["/ws/target/release/copydesk"], { settingPath: "target/release/copydesk" }).found?.path, "/ws/target/release/copydesk");
  assert.equal(expandPath("${workspaceFolder}/bin/copydesk", "/ws"), "/ws/bin/copydesk");
});

test("nothing found lists every place looked at", () => {
  const r = lookup([], { settingPath: "/nope" });
  assert.equal(r.found, undefined);
  assert.deepEqual(r.tried, ["copydesk.server.path: /nope", "bundled: /ext/server/copydesk", "PATH: no copydesk"]);
});

test("Windows: .exe and ; separated PATH", () => {
  const r = lookup(["C:\\tools\\copydesk.exe"], { platform: "win32", extensionPath: "C:\\ext", envPath: "C:\\bin;C:\\tools" });
  assert.deepEqual(r.found, { path: "C:\\tools\\copydesk.exe", source: "path" });
});
