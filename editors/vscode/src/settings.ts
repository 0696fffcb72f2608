// VS Code settings → the object the server reads from the `copydesk` section of
// workspace/configuration: {corpus, rules, debounceMs}. Only values the user set are sent,
// so copydesk.toml and the server's defaults still decide everything else.
import { RULES, isSeverity, Severity } from "./rules";
import { expandPath } from "./serverPath";

/** The part of vscode.WorkspaceConfiguration (for the `copydesk` section) used here. */
export interface ConfigView {
  inspect<T>(key: string):
    | { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T }
    | undefined;
}

export interface ServerSettings {
  corpus?: string[];
  rules?: Record<string, Severity>;
  debounceMs?: number;
}

export function explicitValue<T>(config: ConfigView, key: string): T | undefined {
  const i = config.inspect<T>(key);
  if (i === undefined) return undefined;
  return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
}

export function serverSettings(config: ConfigView, ctx: { workspaceFolder?: string; home?: string } = {}): ServerSettings {
  const out: ServerSettings = {};

  const corpus = explicitValue<unknown>(config, "corpus");
  const entries = (Array.isArray(corpus) ? corpus : typeof corpus === "string" ? [corpus] : [])
    .filter((p): p is string => typeof p === "string" && p.trim() !== "")
    .map((p) => expandPath(p, ctx.workspaceFolder, ctx.home));
  if (entries.length > 0) out.corpus = entries;

  const rules: Record<string, Severity> = {};
  for (const rule of RULES) {
    const value = explicitValue<unknown>(config, `rules.${rule.code}`);
    if (isSeverity(value)) rules[rule.code] = value;
  }
  if (Object.keys(rules).length > 0) out.rules = rules;

  const debounce = explicitValue<unknown>(config, "debounceMs");
  if (typeof debounce === "number" && Number.isFinite(debounce) && debounce >= 0) {
    out.debounceMs = Math.min(Math.round(debounce), 60000);
  }
  return out;
}

/** Corpus entries as absolute paths, for the file-change notice that asks for a re-index. */
export function corpusRoots(settings: ServerSettings, workspaceFolder: string | undefined, isAbsolute: (p: string) => boolean, join: (...p: string[]) => string): string[] {
  const entries = settings.corpus ?? ["corpus"];
  const roots: string[] = [];
  for (const entry of entries) {
    // The server re-indexes for a change under a pattern's literal folder.
    const literal = entry.split(/[\\/]/).findIndex((part) => /[*?]/.test(part));
    const parts = entry.split(/(?<=[\\/])/);
    const prefix = literal < 0 ? entry : parts.slice(0, literal).join("").replace(/[\\/]$/, "");
    if (isAbsolute(prefix)) roots.push(prefix);
    else if (workspaceFolder !== undefined) roots.push(join(workspaceFolder, prefix));
  }
  return roots;
}
