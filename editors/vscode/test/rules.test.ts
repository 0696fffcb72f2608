import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { RULES, SEVERITIES } from "../src/rules";
import { packageRoot, repoRoot } from "./helpers";

const findingRs = fs.readFileSync(path.join(repoRoot(), "src", "finding.rs"), "utf8");

/** `match self { Rule::X => "text", ... }` inside `fn <name>`, as variant → text. */
function matchArms(fnName: string): Map<string, string> {
  const start = findingRs.indexOf(`fn ${fnName}(self)`);
  assert.ok(start >= 0, `fn ${fnName} not found in src/finding.rs`);
  const body = findingRs.slice(start, findingRs.indexOf("\n    }\n", start));
  const arms = new Map<string, string>();
  for (const m of body.matchAll(/Rule::(\w+)\s*=>\s*"((?:[^"\\]|\\.)*)"/g)) arms.set(m[1], m[2]);
  return arms;
}

test("rules.json lists exactly the codes of Rule::ALL, in order", () => {
  const all = /pub const ALL: \[Rule; (\d+)\] = \[([^\]]*)\]/.exec(findingRs);
  assert.ok(all, "Rule::ALL not found in src/finding.rs");
  const variants = [...all[2].matchAll(/Rule::(\w+)/g)].map((m) => m[1]);
  assert.equal(variants.length, Number(all[1]));
  const codes = matchArms("code");
  assert.deepEqual(
    RULES.map((r) => r.code),
    variants.map((v) => codes.get(v)),
  );
});

test("rules.json summaries match Rule::summary", () => {
  const codes = matchArms("code");
  const summaries = matchArms("summary");
  for (const [variant, code] of codes) {
    const rule = RULES.find((r) => r.code === code);
    assert.equal(rule?.summary, summaries.get(variant), code);
  }
});

test("every rule has one severity setting in package.json with the five choices", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8"));
  const props = pkg.contributes.configuration.properties;
  const ruleKeys = Object.keys(props).filter((k) => k.startsWith("copydesk.rules."));
  assert.deepEqual(ruleKeys, RULES.map((r) => `copydesk.rules.${r.code}`));
  for (const rule of RULES) {
    const p = props[`copydesk.rules.${rule.code}`];
    assert.deepEqual(p.enum, [...SEVERITIES]);
    assert.ok(SEVERITIES.includes(rule.defaultSeverity));
    assert.equal(p.default, rule.defaultSeverity);
  }
  // The generator agrees with what is committed.
  execFileSync(process.execPath, [path.join(packageRoot(), "scripts", "gen-config.mjs"), "--check"]);
});
