// The rule codes the server knows. rules.json is the single list: scripts/gen-config.mjs makes
// the settings from it and test/rules.test.ts holds it equal to src/finding.rs.
import rulesJson from "../rules.json";

export const SEVERITIES = ["error", "warning", "information", "hint", "off"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleInfo {
  code: string;
  defaultSeverity: Severity;
  summary: string;
}

export const RULES: readonly RuleInfo[] = rulesJson as RuleInfo[];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}
