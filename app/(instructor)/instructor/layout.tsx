import type { ReactNode } from "react";
import { requireUserForPage } from "@/lib/auth/session";

// The role check sits here, above the pages' loading boundaries, so a candidate gets a real 403
// (app/forbidden.tsx) and a visitor a redirect, never a skeleton first. Pages repeat the check for
// their own return path; it is cached per request.
export default async function InstructorLayout({ children }: { children: ReactNode }) {
  await requireUserForPage("/instructor", "instructor");
  return children;
}
