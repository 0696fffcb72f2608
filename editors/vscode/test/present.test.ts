import { test } from "node:test";
import * as assert from "node:assert/strict";
import { evidencePage, hoverMarkdown } from "../src/present";

test("hover contents of every LSP shape become markdown", () => {
  assert.equal(hoverMarkdown({ kind: "markdown", value: "**copydesk** · `time-conflict`" }), "**copydesk** · `time-conflict`");
  assert.equal(hoverMarkdown({ kind: "plaintext", value: "a*b" }), "a\\*b");
  assert.equal(hoverMarkdown(["one", { language: "text", value: "two" }]), "one\n\n---\n\n```text\ntwo\n```");
  assert.equal(hoverMarkdown(null), "");
  assert.equal(hoverMarkdown([]), "");
});

test("the evidence page runs no scripts and escapes its title", () => {
  const page = evidencePage("<p>x</p>", "a <b> & c");
  assert.match(page, /default-src 'none'/);
  assert.ok(!/script-src/.test(page));
  assert.ok(page.includes("<title>a &lt;b&gt; &amp; c</title>"));
  assert.ok(page.includes("<p>x</p>"));
});
