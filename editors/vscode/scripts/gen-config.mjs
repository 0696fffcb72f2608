#!/usr/bin/env node
// Writes contributes.configuration in package.json from rules.json, the one list of rule
// codes (kept equal to src/finding.rs by test/rules.test.ts). `--check` fails instead of
// writing when package.json is out of date, so CI catches a forgotten regeneration.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const rules = JSON.parse(readFileSync(join(here, "rules.json"), "utf8"));
const pkgPath = join(here, "package.json");
const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));

export const SEVERITIES = ["error", "warning", "information", "hint", "off"];

const properties = {
  "copydesk.server.path": {
    type: "string",
    default: "",
    scope: "machine-overridable",
    markdownDescription:
      "Path to the `copydesk` binary. Empty: the binary bundled with the extension, else `copydesk` on `PATH`.",
  },
  "copydesk.corpus": {
    type: "array",
    items: { type: "string" },
    default: [],
    scope: "resource",
    markdownDescription:
      "Source articles to check drafts against: files, folders or globs (`sources/**/*.jsonl`). Relative paths are relative to the workspace folder; `${workspaceFolder}` and `~` are expanded. Empty: `corpus` from `copydesk.toml`, else a `corpus/` folder in the workspace.",
  },
  "copydesk.debounceMs": {
    type: "integer",
    default: 150,
    minimum: 0,
    maximum: 60000,
    markdownDescription: "Milliseconds of quiet typing before a draft is checked again.",
  },
  "copydesk.trace.server": {
    type: "string",
    enum: ["off", "messages", "verbose"],
    default: "off",
    markdownDescription: "Log the LSP traffic with the copydesk server to the *copydesk* output channel.",
  },
};
for (const rule of rules) {
  properties[`copydesk.rules.${rule.code}`] = {
    type: "string",
    enum: SEVERITIES,
    default: rule.defaultSeverity,
    scope: "resource",
    markdownDescription: `\`${rule.code}\`: ${rule.summary}. Only a value you set is sent to the server, so \`copydesk.toml\` decides otherwise.`,
  };
}

const configuration = { title: "copydesk", properties };
const before = JSON.stringify(pkg.contributes.configuration);
pkg.contributes.configuration = configuration;
const text = JSON.stringify(pkg, null, 2) + "\n";

if (process.argv.includes("--check")) {
  if (before !== JSON.stringify(configuration)) {
    console.error("package.json contributes.configuration is stale: run `npm run gen-config`");
    process.exit(1);
  }
} else {
  writeFileSync(pkgPath, text);
}
