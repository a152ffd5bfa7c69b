import type { ReactNode } from "react";
import { requireUserForPage } from "@/lib/auth/session";

// The sign-in check lives here, outside the pages' loading boundaries: a page that streams a
// skeleton first would answer 200 and only redirect in the browser.
export default async function HistoryLayout({ children }: { children: ReactNode }) {
  await requireUserForPage("/history");
  return children;
}
