// The whole export as a byte stream (CSV or JSON), written chunk by chunk as the records arrive.
import { csvChunk } from "./csv";
import type { ExportFormat, ExportRecord } from "./export";
import type { HistoryValues } from "./query";

/**
 * The records of `chunks` as a byte stream. The first chunk is awaited before the stream is
 * returned, so a problem reading it still becomes a proper error response instead of a truncated
 * file. Cancelling the stream closes `chunks`.
 */
export async function exportByteStream(
  chunks: AsyncGenerator<ExportRecord[]>,
  { values, format, now }: { values: HistoryValues; format: ExportFormat; now: Date },
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<ExportRecord[]> | null = await chunks.next();
  let count = 0;
  let first = true;
  let finished = false;

  const open = () =>
    format === "json" ? `{"exportedAt":${JSON.stringify(now.toISOString())},"filters":${JSON.stringify(values)},"attempts":[` : "";

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (finished) return;
        const result = pending ?? (await chunks.next());
        pending = null;
        if (result.done) {
          let tail = "";
          if (first) tail += format === "json" ? open() : csvChunk([], { header: true });
          if (format === "json") tail += `${count ? "\n" : ""}],"count":${count}}\n`;
          finished = true;
          if (tail) controller.enqueue(encoder.encode(tail));
          controller.close();
          return;
        }
        let text = "";
        if (format === "json") {
          if (first) text += open();
          text += result.value.map((record, index) => `${count + index === 0 ? "\n" : ",\n"}${JSON.stringify(record)}`).join("");
        } else {
          text += csvChunk(result.value, { header: first });
        }
        first = false;
        count += result.value.length;
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      finished = true;
      await chunks.return(undefined);
    },
  });
}
