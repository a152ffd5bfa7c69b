import { LoadingRegion, SkeletonBlocks, SkeletonHeader } from "@/components/ui/skeleton";

export default function EditRubricLoading() {
  return (
    <LoadingRegion label="Loading the rubric editor…">
      <SkeletonHeader className="mb-6" eyebrow="w-56" title="h-8 w-48" description="mt-3 h-5 w-80" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,25rem)] xl:grid-cols-[minmax(0,1fr)_minmax(0,27rem)]">
        <SkeletonBlocks className="flex flex-col gap-3" blocks={["h-10", "h-64", "h-64", "h-64"]} />
        <SkeletonBlocks className="flex flex-col gap-4" blocks={["h-40", "h-80"]} />
      </div>
    </LoadingRegion>
  );
}
