import { test } from "node:test";
import * as assert from "node:assert/strict";
import { initialStatus, onError, onIndexProgress, onIndexed, parseCorpusSize, render } from "../src/status";

test("an indexing pass goes from percentage to corpus size", () => {
  let s = onIndexProgress(initialStatus, { kind: "begin", title: "copydesk: indexing corpus", percentage: 0, message: "1 path(s)" });
  assert.equal(render(s).text, "$(sync~spin) copydesk: indexing 0%");
  s = onIndexProgress(s, { kind: "report", percentage: 50, message: "3 documents read, building the fact base" });
  assert.equal(render(s).text, "$(sync~spin) copydesk: indexing 50%");
  assert.match(render(s).tooltip, /building the fact base/);
  s = onIndexProgress(s, { kind: "end", message: "3 documents" });
  assert.equal(render(s).text, "$(checklist) copydesk: 3 articles");
  s = onIndexed(s, { documents: 3, facts: 1204 });
  assert.equal(render(s).text, "$(checklist) copydesk: 3 articles / 1,204 facts");
});

test("the end message may carry the fact count", () => {
  assert.deepEqual(parseCorpusSize("1 document, 12,000 facts"), { documents: 1, facts: 12000 });
  assert.deepEqual(parseCorpusSize("done"), { documents: undefined, facts: undefined });
  const s = onIndexProgress({ phase: "indexing" }, { kind: "end", message: "1 document, 2 facts" });
  assert.equal(render(s).text, "$(checklist) copydesk: 1 article / 2 facts");
});

test("an empty corpus warns; errors show as errors", () => {
  const empty = onIndexProgress({ phase: "indexing" }, { kind: "end", message: "0 documents" });
  assert.equal(render(empty).kind, "warning");
  const err = render(onError(empty, "the server failed to start: spawn ENOENT"));
  assert.equal(err.kind, "error");
  assert.match(err.tooltip, /ENOENT/);
});
