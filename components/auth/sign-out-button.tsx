"use client";

import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth/client";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="rounded-lg px-3 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-text"
      onClick={async () => {
        await authClient.signOut();
        router.push("/");
        router.refresh();
      }}
      data-testid="sign-out"
    >
      Sign out
    </button>
  );
}
