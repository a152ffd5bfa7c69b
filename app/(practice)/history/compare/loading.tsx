import { LoadingRegion, SkeletonBlock, SkeletonBlocks, SkeletonHeader } from "@/components/ui/skeleton";

export default function CompareLoading() {
  return (
    <LoadingRegion label="Loading the comparison…" className="flex flex-col gap-6">
      <SkeletonHeader eyebrow="w-28" title="h-9 w-72" />
      <SkeletonBlock className="h-20" />
      <SkeletonBlocks className="grid gap-4 md:grid-cols-2" blocks={["h-40", "h-40"]} />
      <SkeletonBlocks className="grid gap-4 lg:grid-cols-3" blocks={["h-64", "h-64", "h-64"]} />
    </LoadingRegion>
  );
}
