import type { StoredItemExtras } from "@/lib/db/attempts";

/** What the feedback view needs of an item beyond its row, from a fresh result or a stored score. */
export function storedItemView(extra: Partial<StoredItemExtras> | undefined) {
  return {
    spans: extra?.spans ?? [],
    highlights: extra?.highlights ?? [],
    hint: extra?.hint,
    correction: extra?.correction,
    ...(extra?.depth ? { depth: extra.depth } : {}),
    ...(extra?.rejection ? { rejection: extra.rejection } : {}),
    ...(extra?.origin ? { origin: extra.origin } : {}),
  };
}

/** A score item row (ScoreItem) under the names the views use: `itemId` becomes `id`. */
export function scoreItemView<Kind extends string>(item: { itemId: string; label: string; kind: Kind; weight: number; met: boolean }) {
  return { id: item.itemId, label: item.label, kind: item.kind, weight: item.weight, met: item.met };
}

/** A stored score item (its row plus what the feedback kept of it) as the feedback view draws it. */
export function storedScoreItemView<Kind extends string>(
  item: { itemId: string; label: string; kind: Kind; weight: number; met: boolean; evidence: string[] },
  extra: Partial<StoredItemExtras> | undefined,
) {
  return { ...scoreItemView(item), evidence: item.evidence, ...storedItemView(extra) };
}
