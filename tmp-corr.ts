import { loadContentBank } from "@/lib/content/load";
import { falseClaimsIn } from "@/lib/scoring/false-claims";
const dir = process.argv[2];
const bank = dir ? loadContentBank(dir) : loadContentBank();
const texts: Array<[string, string]> = [];
for (const c of bank.claims) texts.push([`correction of ${c.id}`, c.correction]);
for (const q of bank.questions) for (const item of q.rubric.items) { if (item.hint) texts.push([`hint ${q.slug}/${item.id}`, item.hint]); if (item.kind !== "misconception") texts.push([`label ${q.slug}/${item.id}`, item.label]); if (item.correction) texts.push([`rubric correction ${q.slug}/${item.id}`, item.correction]); }
for (const [where, text] of texts) for (const h of falseClaimsIn(text, bank.vocabulary, bank.claims)) console.log(where, "→", (h as any).id ?? (h as any).claim?.id);
