"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { authClient } from "@/lib/auth/client";
import { hasRole } from "@/lib/auth/roles";

const LINKS = [
  { href: "/questions", label: "Questions" },
  { href: "/interview", label: "Mock interview" },
  { href: "/review", label: "Review" },
  { href: "/history", label: "History" },
  { href: "/demos", label: "Cluster lab" },
  { href: "/instructor", label: "Instructor", role: "instructor" },
] as const;

/**
 * The main navigation. The Instructor link is only for instructors and admins. Pass `role` from the
 * server (null when signed out) so the link is right on first paint; without it the role is read
 * from the session in the browser, and the link appears once that answer arrives.
 */
export function SiteNav({ role }: { role?: string | null }) {
  return role === undefined ? <SessionNavLinks /> : <NavLinks role={role} />;
}

function SessionNavLinks() {
  const session = authClient.useSession();
  return <NavLinks role={(session.data?.user as { role?: string } | undefined)?.role ?? null} />;
}

function NavLinks({ role }: { role: string | null }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 flex items-center gap-0.5 overflow-x-auto">
      {LINKS.filter((link) => !("role" in link) || hasRole(role, link.role)).map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-lg px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
              active ? "bg-accent-soft text-accent-strong" : "text-muted hover:bg-surface-2 hover:text-text",
            )}
            data-testid={"role" in link ? "nav-instructor" : undefined}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
