import { LoadingRegion, SkeletonBlock, SkeletonBlocks, SkeletonHeader } from "@/components/ui/skeleton";

export default function HistoryLoading() {
  return (
    <LoadingRegion label="Loading your history…">
      <SkeletonHeader className="mb-8" eyebrow="w-24" title="h-9 w-40" description="mt-4 h-4 w-full max-w-xl" />
      <div className="flex flex-col gap-6">
        <SkeletonBlock className="h-24" />
        <SkeletonBlocks className="grid grid-cols-2 gap-3 lg:grid-cols-4" blocks={["h-28", "h-28", "h-28", "h-28"]} />
        <SkeletonBlocks className="grid gap-6 lg:grid-cols-5" blocks={["h-80 lg:col-span-3", "h-80 lg:col-span-2"]} />
        <SkeletonBlock className="h-96" />
      </div>
    </LoadingRegion>
  );
}
