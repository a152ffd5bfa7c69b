import type { StoredItemExtras } from "@/lib/db/attempts";

/** What the feedback view needs of an item beyond its row, from a fresh result or a stored score. */
export function storedItemView(extra: Partial<StoredItemExtras> | undefined) {
  return {
    spans: extra?.spans ?? [],
    hint: extra?.hint,
    correction: extra?.correction,
    ...(extra?.depth ? { depth: extra.depth } : {}),
    ...(extra?.rejection ? { rejection: extra.rejection } : {}),
    ...(extra?.origin ? { origin: extra.origin } : {}),
  };
}
