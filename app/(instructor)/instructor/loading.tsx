import { LoadingRegion, SkeletonBlock, SkeletonHeader } from "@/components/ui/skeleton";

export default function InstructorLoading() {
  return (
    <LoadingRegion label="Loading the rubric studio…">
      <SkeletonHeader className="mb-8" eyebrow="w-24" title="h-9 w-56" description="mt-4 h-4 w-full max-w-xl" />
      <SkeletonBlock className="h-[28rem]" />
    </LoadingRegion>
  );
}
