// What the status bar item says, as a pure state machine fed by client state changes and the
// server's work-done progress. The server ends an indexing pass with "N documents" (and, once
// it reports them, ", M facts"); a `copydesk/indexed` notification carries the same numbers.

export type Phase = "starting" | "indexing" | "ready" | "error" | "stopped";

export interface Status {
  phase: Phase;
  percentage?: number;
  detail?: string;
  documents?: number;
  facts?: number;
  error?: string;
}

export type ProgressValue =
  | { kind: "begin"; title: string; message?: string; percentage?: number }
  | { kind: "report"; message?: string; percentage?: number }
  | { kind: "end"; message?: string };

/** Payload of the `copydesk/indexed` notification. */
export interface IndexedParams {
  documents: number;
  facts?: number;
}

export const INDEXED_NOTIFICATION = "copydesk/indexed";

export const initialStatus: Status = { phase: "starting" };

export function isIndexingProgress(title: string | undefined): boolean {
  return title !== undefined && /index/i.test(title);
}

export function parseCorpusSize(message: string | undefined): { documents?: number; facts?: number } {
  if (message === undefined) return {};
  const documents = /(\d[\d,]*)\s+(?:documents?|articles?)/i.exec(message);
  const facts = /(\d[\d,]*)\s+facts?/i.exec(message);
  const num = (m: RegExpExecArray | null) => (m ? Number(m[1].replace(/,/g, "")) : undefined);
  return { documents: num(documents), facts: num(facts) };
}

/** Apply one progress value of an indexing pass. */
export function onIndexProgress(status: Status, value: ProgressValue): Status {
  switch (value.kind) {
    case "begin":
      return { ...status, phase: "indexing", percentage: value.percentage ?? 0, detail: value.message, error: undefined };
    case "report":
      return { ...status, phase: "indexing", percentage: value.percentage ?? status.percentage, detail: value.message ?? status.detail };
    case "end": {
      const size = parseCorpusSize(value.message);
      return {
        phase: "ready",
        documents: size.documents ?? status.documents,
        facts: size.facts ?? (size.documents !== undefined ? undefined : status.facts),
      };
    }
  }
}

export function onIndexed(status: Status, params: IndexedParams): Status {
  return { ...status, phase: status.phase === "indexing" ? "indexing" : "ready", documents: params.documents, facts: params.facts };
}

export function onError(status: Status, error: string): Status {
  return { ...status, phase: "error", error };
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

export interface StatusView {
  text: string;
  tooltip: string;
  kind: "normal" | "warning" | "error";
}

export function render(status: Status): StatusView {
  switch (status.phase) {
    case "starting":
      return { text: "$(sync~spin) copydesk", tooltip: "copydesk: starting the server", kind: "normal" };
    case "indexing": {
      const pct = status.percentage !== undefined ? ` ${Math.round(status.percentage)}%` : "";
      return {
        text: `$(sync~spin) copydesk: indexing${pct}`,
        tooltip: `copydesk: indexing the corpus${status.detail ? ` (${status.detail})` : ""}`,
        kind: "normal",
      };
    }
    case "ready": {
      const size =
        status.documents === undefined
          ? "corpus indexed"
          : status.facts === undefined
            ? plural(status.documents, "article")
            : `${plural(status.documents, "article")} / ${plural(status.facts, "fact")}`;
      const kind = status.documents === 0 ? "warning" : "normal";
      return {
        text: `$(checklist) copydesk: ${size}`,
        tooltip: status.documents === 0 ? "copydesk: the corpus is empty; set copydesk.corpus" : `copydesk: ${size} in the corpus. Click to re-index.`,
        kind,
      };
    }
    case "error":
      return { text: "$(error) copydesk", tooltip: `copydesk: ${status.error ?? "error"}`, kind: "error" };
    case "stopped":
      return { text: "$(circle-slash) copydesk: stopped", tooltip: "copydesk: the server is not running. Click to restart.", kind: "warning" };
  }
}
