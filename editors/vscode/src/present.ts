// Hover content → markdown and the evidence panel's HTML. Pure, for tests under plain node.

type MarkedString = string | { language: string; value: string };
export type HoverContents = MarkedString | MarkedString[] | { kind: string; value: string };

export function hoverMarkdown(contents: HoverContents | undefined | null): string {
  if (contents === undefined || contents === null) return "";
  if (Array.isArray(contents)) return contents.map((c) => hoverMarkdown(c)).filter((s) => s !== "").join("\n\n---\n\n");
  if (typeof contents === "string") return contents;
  if ("kind" in contents) return contents.kind === "plaintext" ? escapeMarkdown(contents.value) : contents.value;
  return "```" + contents.language + "\n" + contents.value + "\n```";
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}\[\]()#+\-.!<>|])/g, "\\$1");
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A complete webview page around already-rendered markdown; no scripts, no remote content. */
export function evidencePage(bodyHtml: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1em; line-height: 1.5; }
  code { font-family: var(--vscode-editor-font-family); }
  hr { border: 0; border-top: 1px solid var(--vscode-panel-border); }
</style>
</head>
<body>
${bodyHtml}
</body>
</html>`;
}
