// Difficulty, in the order a mock interview climbs it. The names follow the stages of a real
// interview loop; `rank` orders them and `engineering` maps them to the usual L4–L6 ladder.
export const LEVELS = [
  { id: "warm-up", label: "Warm-up", rank: 1, engineering: "L4" },
  { id: "stepping-up", label: "Stepping up", rank: 2, engineering: "L4" },
  { id: "getting-serious", label: "Getting serious", rank: 3, engineering: "L5" },
  { id: "lead", label: "Lead engineer", rank: 4, engineering: "L5" },
  { id: "final-boss", label: "Final boss", rank: 5, engineering: "L6" },
] as const;

export type LevelId = (typeof LEVELS)[number]["id"];
export const LEVEL_IDS = LEVELS.map((level) => level.id) as [LevelId, ...LevelId[]];

export function levelById(id: LevelId) {
  const level = LEVELS.find((candidate) => candidate.id === id);
  if (!level) throw new Error(`unknown level ${id}`);
  return level;
}
