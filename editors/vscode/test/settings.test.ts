import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { ConfigView, corpusRoots, serverSettings } from "../src/settings";

type Scopes = { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown };

function config(values: Record<string, Scopes>): ConfigView {
  return { inspect: <T>(key: string) => values[key] as { globalValue?: T } | undefined };
}

test("only values the user set reach the server", () => {
  assert.deepEqual(serverSettings(config({})), {});
  assert.deepEqual(serverSettings(config({ corpus: {}, debounceMs: {}, "rules.time-conflict": {} })), {});
});

test("settings map to {corpus, rules, debounceMs}", () => {
  const s = serverSettings(
    config({
      corpus: { workspaceValue: ["${workspaceFolder}/sources", "~/archive/*.jsonl", "notes", ""] },
      "rules.time-conflict": { globalValue: "error" },
      "rules.quote-unsourced": { globalValue: "warning", workspaceValue: "off" },
      "rules.name-misspelled": { workspaceFolderValue: "hint", globalValue: "error" },
      "rules.role-mismatch": { globalValue: "loud" },
      debounceMs: { globalValue: 300.4 },
    }),
    { workspaceFolder: "/ws", home: "/home/ann" },
  );
  assert.deepEqual(s, {
    corpus: ["/ws/sources", "/home/ann/archive/*.jsonl", "notes"],
    rules: { "time-conflict": "error", "quote-unsourced": "off", "name-misspelled": "hint" },
    debounceMs: 300,
  });
});

test("rules outside the rule list are not sent", () => {
  const s = serverSettings(config({ "rules.no-such-rule": { globalValue: "error" } }));
  assert.equal(s.rules, undefined);
});

test("re-index targets: the corpus folders, and a pattern's literal folder", () => {
  const roots = corpusRoots({ corpus: ["/abs/src", "archive/**/*.jsonl", "notes"] }, "/ws", path.posix.isAbsolute, path.posix.join);
  assert.deepEqual(roots, ["/abs/src", "/ws/archive", "/ws/notes"]);
  assert.deepEqual(corpusRoots({}, "/ws", path.posix.isAbsolute, path.posix.join), ["/ws/corpus"]);
});
