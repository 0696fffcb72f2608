// activate() with the `vscode` and `vscode-languageclient/node` modules stubbed: checks the
// wiring that the pure-module tests cannot (not-found prompt, server options, configuration
// middleware, progress → status bar, re-index request).
import { test, beforeEach } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Module = require("node:module");

type Call = { name: string; args: unknown[] };
const calls: Call[] = [];
let settings: Record<string, unknown> = {};
let errorChoice: string | undefined;
const clients: FakeClient[] = [];
const commands = new Map<string, (...a: unknown[]) => unknown>();
const statusItem: Record<string, unknown> = { show() {}, dispose() {} };

const State = { Stopped: 1, Running: 2, Starting: 3 };
class FakeClient {
  state = State.Stopped;
  initializeResult: { capabilities: Record<string, unknown> } = { capabilities: {} };
  sent: Call[] = [];
  code2ProtocolConverter = { asTextDocumentPositionParams: () => ({}) };
  constructor(
    public id: string,
    public name: string,
    public serverOptions: { command: string; args: string[]; transport: number },
    public clientOptions: any,
  ) {
    clients.push(this);
  }
  onNotification() {}
  onDidChangeState() {}
  async start() {
    this.state = State.Running;
  }
  async stop() {
    this.state = State.Stopped;
  }
  async sendRequest(type: { method: string }, params: unknown) {
    this.sent.push({ name: type.method, args: [params] });
    return null;
  }
  async sendNotification(type: { method: string }, params: unknown) {
    this.sent.push({ name: type.method, args: [params] });
  }
}

const disposable = { dispose() {} };
const vscodeStub = {
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Beside: -2 },
  ThemeColor: class {
    constructor(public id: string) {}
  },
  Uri: { file: (p: string) => ({ fsPath: p, toString: () => "file://" + p }) },
  workspace: {
    workspaceFolders: [{ uri: { fsPath: "/ws" } }],
    getConfiguration: () => ({
      get: (key: string) => settings[key],
      inspect: (key: string) => (key in settings ? { globalValue: settings[key] } : {}),
    }),
    onDidChangeConfiguration: () => disposable,
  },
  window: {
    createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
    createStatusBarItem: () => statusItem,
    showErrorMessage: async (...args: unknown[]) => {
      calls.push({ name: "showErrorMessage", args });
      return errorChoice;
    },
    showWarningMessage: async (...args: unknown[]) => {
      calls.push({ name: "showWarningMessage", args });
      return undefined;
    },
    showInformationMessage: async () => undefined,
  },
  commands: {
    registerCommand: (id: string, fn: (...a: unknown[]) => unknown) => {
      commands.set(id, fn);
      return disposable;
    },
    executeCommand: async (...args: unknown[]) => {
      calls.push({ name: "executeCommand", args });
    },
  },
};
const method = (m: string) => ({ type: { method: m } });
const clientStub = {
  LanguageClient: FakeClient,
  State,
  TransportKind: { stdio: 0 },
  FileChangeType: { Created: 1, Changed: 2, Deleted: 3 },
  ExecuteCommandRequest: method("workspace/executeCommand"),
  DidChangeWatchedFilesNotification: method("workspace/didChangeWatchedFiles"),
  HoverRequest: method("textDocument/hover"),
  DefinitionRequest: method("textDocument/definition"),
};

const load = (Module as any)._load;
(Module as any)._load = function (request: string, ...rest: unknown[]) {
  if (request === "vscode") return vscodeStub;
  if (request === "vscode-languageclient/node") return clientStub;
  return load.call(this, request, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const extension = require("../src/extension") as typeof import("../src/extension");

const extensionDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-ext-"));
const context = { extensionPath: extensionDir, subscriptions: [] as unknown[] };
const savedPath = process.env.PATH;

beforeEach(async () => {
  await extension.deactivate();
  calls.length = 0;
  clients.length = 0;
  settings = {};
  errorChoice = undefined;
  process.env.PATH = "";
});

test("no server anywhere: an error with a button that opens the setting", async () => {
  errorChoice = "Open Setting";
  await extension.activate(context as any);
  assert.equal(clients.length, 0);
  const error = calls.find((c) => c.name === "showErrorMessage");
  assert.ok(error, "no error message shown");
  assert.match(String(error.args[0]), /not found/);
  assert.equal(error.args[1], "Open Setting");
  assert.deepEqual(calls.find((c) => c.name === "executeCommand")?.args, ["workbench.action.openSettings", "copydesk.server.path"]);
  assert.equal(statusItem.text, "$(error) copydesk");
});

test("a found server is started with `serve` on stdio for markdown and plaintext", async () => {
  const bin = path.join(extensionDir, "my-copydesk");
  fs.writeFileSync(bin, "#!/bin/sh\n", { mode: 0o755 });
  settings = { "server.path": bin };
  await extension.activate(context as any);
  assert.equal(clients.length, 1);
  const c = clients[0];
  assert.deepEqual(c.serverOptions, { command: bin, args: ["serve"], transport: 0 });
  const languages = c.clientOptions.documentSelector.map((s: { language: string }) => s.language);
  assert.ok(languages.includes("markdown") && languages.includes("plaintext"));
  assert.equal(c.clientOptions.initializationOptions, undefined, "settings must not shadow workspace/configuration");
  assert.equal(c.clientOptions.synchronize.configurationSection, "copydesk");
});

test("workspace/configuration for `copydesk` answers with the server's settings shape", async () => {
  const bin = path.join(extensionDir, "server", "copydesk");
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  fs.writeFileSync(bin, "#!/bin/sh\n", { mode: 0o755 });
  try {
    settings = { corpus: ["sources"], "rules.time-conflict": "error", debounceMs: 80 };
    await extension.activate(context as any);
    const c = clients[0];
    assert.equal(c.serverOptions.command, bin, "the bundled binary");
    const middleware = c.clientOptions.middleware;
    const result = await middleware.workspace.configuration(
      { items: [{ section: "copydesk" }, { section: "editor" }] },
      {},
      async () => [{ raw: true }, { tabSize: 4 }],
    );
    assert.deepEqual(result, [{ corpus: ["sources"], rules: { "time-conflict": "error" }, debounceMs: 80 }, { tabSize: 4 }]);

    let forwarded = 0;
    const next = () => forwarded++;
    middleware.handleWorkDoneProgress("copydesk-index-0", { kind: "begin", title: "copydesk: indexing corpus", percentage: 0 }, next);
    middleware.handleWorkDoneProgress("copydesk-index-0", { kind: "report", percentage: 50 }, next);
    assert.equal(statusItem.text, "$(sync~spin) copydesk: indexing 50%");
    middleware.handleWorkDoneProgress("copydesk-index-0", { kind: "end", message: "3 documents" }, next);
    assert.equal(statusItem.text, "$(checklist) copydesk: 3 articles");
    assert.equal(forwarded, 3, "VS Code's own progress UI still gets every value");

    // Re-index: the server command when advertised, else a change notice for the corpus.
    await commands.get("copydesk.reindexCorpus")!();
    assert.deepEqual(c.sent.pop(), {
      name: "workspace/didChangeWatchedFiles",
      args: [{ changes: [{ uri: "file:///ws/sources", type: 2 }] }],
    });
    c.initializeResult.capabilities.executeCommandProvider = { commands: [extension.REINDEX_COMMAND] };
    await commands.get("copydesk.reindexCorpus")!();
    assert.deepEqual(c.sent.pop(), { name: "workspace/executeCommand", args: [{ command: "copydesk.reindex", arguments: [] }] });
  } finally {
    fs.rmSync(path.dirname(bin), { recursive: true });
  }
});

test.after(() => {
  process.env.PATH = savedPath;
  fs.rmSync(extensionDir, { recursive: true, force: true });
});
