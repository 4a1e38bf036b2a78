// The okrdocs extension for VS Code: starts `okrdocs lsp` for Markdown files in a workspace
// that has an okrdocs configuration (okrdocs.toml, or [tool.okrdocs] in pyproject.toml).
// Everything else (which files are OKR files, findings, fixes, hover, completion) is the
// server's: the extension only starts it.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

async function hasConfiguration(folder) {
  const read = async (name) => {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name));
      return Buffer.from(bytes).toString("utf8");
    } catch {
      return null;
    }
  };
  if ((await read("okrdocs.toml")) !== null) {
    return true;
  }
  const pyproject = await read("pyproject.toml");
  return pyproject !== null && /^\s*\[tool\.okrdocs(\.|\])/m.test(pyproject);
}

async function activate(context) {
  const folders = vscode.workspace.workspaceFolders || [];
  const found = await Promise.all(folders.map(hasConfiguration));
  if (!found.some(Boolean)) {
    return; // a pyproject.toml without [tool.okrdocs]: not an okrdocs project
  }
  const settings = vscode.workspace.getConfiguration("okrdocs");
  const serverOptions = {
    command: settings.get("path") || "okrdocs",
    args: ["lsp", ...settings.get("args", [])],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    outputChannelName: "okrdocs",
  };
  client = new LanguageClient("okrdocs", "okrdocs", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `okrdocs: cannot start "${serverOptions.command} lsp" (${error.message}). ` +
        'Install it with: pip install "okrdocs[lsp]", or set okrdocs.path.'
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
