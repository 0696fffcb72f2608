import * as vscode from "vscode";
import * as os from "node:os";
import * as path from "node:path";
import {
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { findServer } from "./serverPath";
import { corpusRoots, serverSettings } from "./settings";
import { evidencePage, hoverMarkdown } from "./present";
import {
  INDEXED_NOTIFICATION,
  IndexedParams,
  ProgressValue,
  Status,
  initialStatus,
  isIndexingProgress,
  onError,
  onIndexProgress,
  onIndexed,
  render,
} from "./status";

/** Server-side command that rebuilds the fact base; see the README for the fallback. */
export const REINDEX_COMMAND = "copydesk.reindex";
const SECTION = "copydesk";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let status: Status = initialStatus;
let evidencePanel: vscode.WebviewPanel | undefined;

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

export function currentServerSettings() {
  return serverSettings(vscode.workspace.getConfiguration(SECTION), { workspaceFolder: workspaceFolder(), home: os.homedir() });
}

function setStatus(next: Status): void {
  status = next;
  const view = render(status);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor =
    view.kind === "error"
      ? new vscode.ThemeColor("statusBarItem.errorBackground")
      : view.kind === "warning"
        ? new vscode.ThemeColor("statusBarItem.warningBackground")
        : undefined;
  statusItem.command =
    status.phase === "ready" ? "copydesk.reindexCorpus" : status.phase === "error" || status.phase === "stopped" ? "copydesk.restartServer" : undefined;
  statusItem.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk");
  statusItem = vscode.window.createStatusBarItem("copydesk.status", vscode.StatusBarAlignment.Right, 100);
  statusItem.name = "copydesk";
  context.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand("copydesk.restartServer", () => restart(context)),
    vscode.commands.registerCommand("copydesk.reindexCorpus", reindex),
    vscode.commands.registerCommand("copydesk.showEvidence", showEvidence),
    vscode.commands.registerCommand("copydesk.openSource", openSource),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.server.path`)) void restart(context);
    }),
  );
  setStatus(initialStatus);
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined) await c.stop().catch(() => undefined);
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await deactivate();
  setStatus(initialStatus);
  await startClient(context);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const lookup = findServer({
    settingPath: vscode.workspace.getConfiguration(SECTION).get<string>("server.path"),
    extensionPath: context.extensionPath,
    envPath: process.env.PATH,
    platform: process.platform,
    workspaceFolder: workspaceFolder(),
    home: os.homedir(),
  });
  output.appendLine(`copydesk server lookup: ${lookup.tried.join("; ")}`);
  if (lookup.found === undefined) {
    setStatus(onError(status, "the copydesk server was not found"));
    const choice = await vscode.window.showErrorMessage(
      "copydesk: the copydesk server was not found (not in copydesk.server.path, not bundled, not on PATH). Install copydesk or set its path.",
      "Open Setting",
    );
    if (choice === "Open Setting") {
      await vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.server.path`);
    }
    return;
  }

  const serverOptions: ServerOptions = {
    command: lookup.found.path,
    args: ["serve"],
    // Adds `--stdio`.
    transport: TransportKind.stdio,
  };
  const indexingTokens = new Set<string | number>();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    outputChannel: output,
    // Settings travel only through workspace/configuration: initializationOptions outrank it in
    // the server, so anything sent there could not be changed later without a restart.
    synchronize: { configurationSection: SECTION },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === SECTION ? currentServerSettings() : result[i]));
        },
      },
      handleWorkDoneProgress: (token, params, next) => {
        const value = params as ProgressValue;
        if (value.kind === "begin" && isIndexingProgress(value.title)) indexingTokens.add(token);
        if (indexingTokens.has(token)) {
          setStatus(onIndexProgress(status, value));
          if (value.kind === "end") indexingTokens.delete(token);
        }
        next(token, params);
      },
    },
  };

  const c = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  client = c;
  c.onNotification(INDEXED_NOTIFICATION, (params: IndexedParams) => setStatus(onIndexed(status, params)));
  c.onDidChangeState((e) => {
    if (client !== c) return;
    if (e.newState === State.Stopped && status.phase !== "error") setStatus({ phase: "stopped" });
    if (e.newState === State.Starting) setStatus(initialStatus);
  });
  try {
    await c.start();
    output.appendLine(`copydesk server started: ${lookup.found.path} (${lookup.found.source})`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    setStatus(onError(status, `the server failed to start: ${message}`));
    output.appendLine(`copydesk server failed to start: ${message}`);
  }
}

function runningClient(): LanguageClient | undefined {
  if (client === undefined || client.state !== State.Running) {
    void vscode.window.showWarningMessage("copydesk: the server is not running.", "Restart").then((choice) => {
      if (choice === "Restart") void vscode.commands.executeCommand("copydesk.restartServer");
    });
    return undefined;
  }
  return client;
}

async function reindex(): Promise<void> {
  const c = runningClient();
  if (c === undefined) return;
  const commands = c.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (commands.includes(REINDEX_COMMAND)) {
    await c.sendRequest(ExecuteCommandRequest.type, { command: REINDEX_COMMAND, arguments: [] });
    return;
  }
  // Older servers re-index when told a corpus file changed.
  const roots = corpusRoots(currentServerSettings(), workspaceFolder(), path.isAbsolute, path.join);
  await c.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: roots.map((p) => ({ uri: vscode.Uri.file(p).toString(), type: FileChangeType.Changed })),
  });
}

function positionParams(c: LanguageClient) {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return undefined;
  return c.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active);
}

async function showEvidence(): Promise<void> {
  const c = runningClient();
  if (c === undefined) return;
  const params = positionParams(c);
  if (params === undefined) return;
  const hover = await c.sendRequest(HoverRequest.type, params);
  const markdown = hoverMarkdown(hover?.contents);
  if (markdown === "") {
    void vscode.window.showInformationMessage("copydesk: no checked fact under the cursor.");
    return;
  }
  let html: string | undefined;
  try {
    html = await vscode.commands.executeCommand<string>("markdown.api.render", markdown);
  } catch {
    html = undefined;
  }
  if (typeof html !== "string") {
    // No markdown renderer (the built-in extension disabled): the text still helps.
    output.appendLine(markdown);
    output.show(true);
    return;
  }
  if (evidencePanel === undefined) {
    evidencePanel = vscode.window.createWebviewPanel("copydesk.evidence", "copydesk: Evidence", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
    });
    evidencePanel.onDidDispose(() => (evidencePanel = undefined));
  } else {
    evidencePanel.reveal(vscode.ViewColumn.Beside, true);
  }
  evidencePanel.webview.html = evidencePage(html, "copydesk: Evidence");
}

async function openSource(): Promise<void> {
  const c = runningClient();
  const editor = vscode.window.activeTextEditor;
  if (c === undefined || editor === undefined) return;
  const params = positionParams(c);
  if (params === undefined) return;
  const result = await c.sendRequest(DefinitionRequest.type, params);
  const converted = await c.protocol2CodeConverter.asDefinitionResult(result);
  const items = converted === undefined ? [] : Array.isArray(converted) ? converted : [converted];
  const locations = items.map((l) =>
    "targetUri" in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : (l as vscode.Location),
  );
  if (locations.length === 0) {
    void vscode.window.showInformationMessage("copydesk: no source sentence for the fact under the cursor.");
    return;
  }
  if (locations.length === 1) {
    await vscode.window.showTextDocument(locations[0].uri, { selection: locations[0].range, viewColumn: vscode.ViewColumn.Beside });
    return;
  }
  await vscode.commands.executeCommand("editor.action.goToLocations", editor.document.uri, editor.selection.active, locations, "peek", "No source");
}
