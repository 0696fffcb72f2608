// Where the copydesk binary comes from: the `copydesk.server.path` setting, the binary bundled
// in the extension's server/ folder, then PATH. No vscode import, so tests run under plain node.
import * as path from "node:path";
import * as fs from "node:fs";

export type ServerSource = "setting" | "bundled" | "path";

export interface LookupInput {
  /** `copydesk.server.path`; empty or undefined when unset. */
  settingPath?: string;
  extensionPath: string;
  envPath?: string;
  platform: NodeJS.Platform;
  workspaceFolder?: string;
  home?: string;
  isExecutable?: (file: string) => boolean;
}

export interface LookupResult {
  found?: { path: string; source: ServerSource };
  /** Every place looked at, in order, for the "not found" message and the log. */
  tried: string[];
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "copydesk.exe" : "copydesk";
}

export function defaultIsExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `~` and `${workspaceFolder}` the way VS Code users write them in settings. */
export function expandPath(p: string, workspaceFolder?: string, home?: string): string {
  let out = p.trim();
  if (workspaceFolder !== undefined) out = out.split("${workspaceFolder}").join(workspaceFolder);
  if (home !== undefined && (out === "~" || out.startsWith("~/") || out.startsWith("~\\"))) out = home + out.slice(1);
  return out;
}

export function findServer(input: LookupInput): LookupResult {
  const isExecutable = input.isExecutable ?? defaultIsExecutable;
  const pathApi = input.platform === "win32" ? path.win32 : path.posix;
  const name = binaryName(input.platform);
  const tried: string[] = [];

  const setting = (input.settingPath ?? "").trim();
  if (setting !== "") {
    let candidate = expandPath(setting, input.workspaceFolder, input.home);
    if (!pathApi.isAbsolute(candidate) && input.workspaceFolder !== undefined) {
      candidate = pathApi.join(input.workspaceFolder, candidate);
    }
    tried.push(`copydesk.server.path: ${candidate}`);
    if (isExecutable(candidate)) return { found: { path: candidate, source: "setting" }, tried };
  }

  const bundled = pathApi.join(input.extensionPath, "server", name);
  tried.push(`bundled: ${bundled}`);
  if (isExecutable(bundled)) return { found: { path: bundled, source: "bundled" }, tried };

  const separator = input.platform === "win32" ? ";" : ":";
  for (const dir of (input.envPath ?? "").split(separator)) {
    if (dir === "") continue;
    const candidate = pathApi.join(dir, name);
    if (isExecutable(candidate)) {
      tried.push(`PATH: ${candidate}`);
      return { found: { path: candidate, source: "path" }, tried };
    }
  }
  tried.push(`PATH: no ${name}`);
  return { tried };
}
