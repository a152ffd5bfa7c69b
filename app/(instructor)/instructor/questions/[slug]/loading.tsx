import { LoadingRegion, SkeletonBlock, SkeletonBlocks, SkeletonHeader } from "@/components/ui/skeleton";

export default function InstructorQuestionLoading() {
  return (
    <LoadingRegion label="Loading the rubric…" className="flex flex-col gap-6">
      <SkeletonHeader eyebrow="w-40" title="h-9 w-full max-w-lg" description="mt-4 h-6 w-72" />
      <SkeletonBlocks className="grid gap-6 lg:grid-cols-5" blocks={["h-72 lg:col-span-2", "h-72 lg:col-span-3"]} />
      <SkeletonBlock className="h-80" />
    </LoadingRegion>
  );
}
