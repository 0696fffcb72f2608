import * as fs from "node:fs";
import * as path from "node:path";

/** editors/vscode, found from the compiled test's location (out/tsc/test). */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("package.json not found above " + __dirname);
    dir = up;
  }
  return dir;
}

export function repoRoot(): string {
  return path.resolve(packageRoot(), "..", "..");
}
