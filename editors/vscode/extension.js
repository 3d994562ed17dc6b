// extension.js — starts `polc lsp` (stdio) for .pol files; everything else is the grammar.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const cfg = vscode.workspace.getConfiguration('polc');
  if (!cfg.get('lsp.enabled', true)) return;
  const command = cfg.get('path', 'polc');
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('polc', 'polc lsp', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'pol' }, { scheme: 'untitled', language: 'pol' }],
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
