// A quiet line under the question title: which versions the model answer was checked against, with
// the official pages behind it one click away. A plain <details>, so it needs no JavaScript and the
// browser gives it keyboard and screen-reader support for free.

/** A short, readable name for a source URL: the KIP's title, the file in an Apache repository, or the page. */
export function sourceLabel(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const path = decodeURIComponent(parsed.pathname.replace(/\+/g, " ")).replace(/\/+$/, "");
  const kip = /\/display\/KAFKA\/(KIP-\d+)\s*[:-]?\s*(.*)$/.exec(path);
  if (parsed.hostname === "cwiki.apache.org" && kip) return kip[2] ? `${kip[1]}: ${kip[2].replace(/^-\s*/, "")}` : kip[1]!;
  if (parsed.hostname === "github.com") {
    const [, owner, repo, , , ...rest] = path.split("/");
    return `${owner}/${repo}: ${rest.at(-1) ?? ""}`;
  }
  const page = path.split("/").filter(Boolean).at(-1)?.replace(/\.html$/, "").replace(/[-_]/g, " ");
  const anchor = parsed.hash ? ` (${parsed.hash.slice(1).replace(/[-_]/g, " ")})` : "";
  const flink = /^\/flink\/flink-docs-release-(\d+\.\d+)\//.exec(path);
  const site = flink ? `Flink ${flink[1]} docs` : parsed.hostname;
  return `${site}${page ? ` — ${page}` : ""}${anchor}`;
}

export function CheckedAgainst({ checkedAgainst, sources }: { checkedAgainst: string; sources: readonly string[] }) {
  return (
    <details className="mt-2 text-sm text-muted" data-testid="checked-against">
      <summary className="w-fit cursor-pointer rounded hover:text-text">
        Checked against {checkedAgainst} · {sources.length} sources
      </summary>
      <div className="mt-2 rounded-xl border border-border bg-surface p-3">
        <p>The model answer and its rubric were checked against these pages:</p>
        <ul className="mt-1.5 space-y-1">
          {sources.map((url) => (
            <li key={url} className="flex gap-2">
              <span aria-hidden="true" className="mt-2 h-1 w-1 shrink-0 rounded-full bg-accent" />
              <a href={url} rel="noreferrer" className="break-words text-accent hover:underline">
                {sourceLabel(url)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
