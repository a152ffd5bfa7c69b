import { Badge } from "@/components/ui/badge";
import { levelById, type LevelId } from "@/lib/content/levels";

const TONES = { 1: "good", 2: "accent", 3: "neutral", 4: "warn", 5: "bad" } as const;

export function LevelBadge({ level }: { level: string }) {
  const info = levelById(level as LevelId);
  return (
    <Badge tone={TONES[info.rank as keyof typeof TONES]}>
      <span aria-hidden="true" className="font-mono text-[0.7rem]">
        {"●".repeat(info.rank)}
        <span className="opacity-30">{"●".repeat(5 - info.rank)}</span>
      </span>
      <span>{info.label}</span>
    </Badge>
  );
}
