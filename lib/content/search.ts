// Filtering and full-text search over the bank. MiniSearch keeps an inverted index (prefix and
// fuzzy matching, field boosts), built once per bank, so a query over hundreds of questions costs
// well under a millisecond.
import MiniSearch from "minisearch";
import { levelById, type LevelId } from "./levels";
import type { ContentBank, Question } from "./load";

export interface BankFilters {
  q?: string;
  track?: string;
  level?: string;
  tag?: string;
}

const indexes = new WeakMap<ContentBank, MiniSearch<Question>>();

function indexFor(bank: ContentBank): MiniSearch<Question> {
  let index = indexes.get(bank);
  if (!index) {
    index = new MiniSearch<Question>({
      idField: "slug",
      fields: ["title", "prompt", "tags", "keyPoints", "modelAnswer"],
      extractField: (question, field) => {
        const value = question[field as keyof Question];
        return Array.isArray(value) ? value.join(" ") : String(value ?? "");
      },
      searchOptions: { boost: { title: 3, tags: 2, prompt: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: "AND" },
    });
    index.addAll(bank.questions);
    indexes.set(bank, index);
  }
  return index;
}

export function searchBank(bank: ContentBank, filters: BankFilters): Question[] {
  const matchesFilters = (question: Question) =>
    (!filters.track || question.track === filters.track) &&
    (!filters.level || question.level === filters.level) &&
    (!filters.tag || question.tags.includes(filters.tag));

  const query = filters.q?.trim();
  if (query) {
    const bySlug = new Map(bank.questions.map((question) => [question.slug, question]));
    return indexFor(bank)
      .search(query)
      .map((hit) => bySlug.get(hit.id as string))
      .filter((question): question is Question => Boolean(question) && matchesFilters(question!));
  }
  const trackOrder = new Map(bank.tracks.map((track, index) => [track.id, index]));
  return bank.questions
    .filter(matchesFilters)
    .sort(
      (a, b) =>
        (trackOrder.get(a.track) ?? 99) - (trackOrder.get(b.track) ?? 99) ||
        levelById(a.level as LevelId).rank - levelById(b.level as LevelId).rank ||
        a.title.localeCompare(b.title),
    );
}

/** Every tag with how many questions carry it, most used first. */
export function tagCounts(bank: ContentBank): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const question of bank.questions) for (const tag of question.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
