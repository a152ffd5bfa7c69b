"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/components/ui/use-dismiss";
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

/** On the desktop header the account menu holds the Admin link; on a phone the menu does. */
const ADMIN_LINK = { href: "/admin/users", label: "Admin", role: "admin" } as const;

type NavLink = (typeof LINKS)[number] | typeof ADMIN_LINK;

/** Keep in step with the `lg:` classes below: from this width the links sit in the header. */
const DESKTOP_QUERY = "(min-width: 64rem)";

type RoleProp = {
  /** From the server (null when signed out) so the links are right on first paint; without it the
   * role is read from the session in the browser, and role links appear once that answer arrives. */
  role?: string | null;
};

/**
 * The main navigation, from the desktop breakpoint (`lg`): the links in the header. Below it they
 * are behind `MobileNav`'s Menu button. The Instructor link is only for instructors and admins.
 */
export function SiteNav({ role }: RoleProp) {
  return <WithRole role={role} render={(known) => <DesktopLinks links={linksFor(known, LINKS)} />} />;
}

/** The Menu button and its panel, below the desktop breakpoint. Place it last in the header. */
export function MobileNav({ role }: RoleProp) {
  return <WithRole role={role} render={(known) => <MobileMenu links={linksFor(known, [...LINKS, ADMIN_LINK])} />} />;
}

function WithRole({ role, render }: RoleProp & { render: (role: string | null) => ReactNode }) {
  return role === undefined ? <SessionRole render={render} /> : render(role);
}

function SessionRole({ render }: { render: (role: string | null) => ReactNode }) {
  const session = authClient.useSession();
  return render((session.data?.user as { role?: string } | undefined)?.role ?? null);
}

function linksFor(role: string | null, links: readonly NavLink[]): NavLink[] {
  return links.filter((link) => !("role" in link) || hasRole(role, link.role));
}

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function DesktopLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="hidden items-center gap-0.5 lg:flex" data-testid="desktop-nav">
      {links.map((link) => {
        const active = isActive(pathname, link.href);
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

/**
 * Below the desktop breakpoint: a Menu button (last in the header) and the panel it controls, placed
 * right after it in the DOM so Tab walks from the button into the links. Opening moves focus to the
 * first link; Escape closes and returns focus to the button; so does a click outside. Following a
 * link closes the panel and moves focus to the page's content, which the new page fills.
 */
function MobileMenu({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);

  const close = useCallback((focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }, []);

  // Any route change closes it (the back button included), so an open menu never outlives its page.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useDismiss({ open, button, panel, onDismiss: close });
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a")?.focus();
    // Widening to the desktop layout hides the button; the links are in the header then.
    const desktop = window.matchMedia(DESKTOP_QUERY);
    const onWiden = () => desktop.matches && close(false);
    desktop.addEventListener("change", onWiden);
    return () => desktop.removeEventListener("change", onWiden);
  }, [open, close]);

  return (
    <div className="lg:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        className="inline-flex h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-text hover:bg-surface-2"
        data-testid="menu-button"
      >
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        Menu
      </button>
      {/* Positioned against the sticky header, so the panel hangs just under it at full width. */}
      <nav
        ref={panel}
        id={panelId}
        aria-label="Main"
        hidden={!open}
        className="absolute inset-x-0 top-full max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-b border-border bg-bg shadow-[0_12px_24px_-12px_rgba(0,0,0,0.25)]"
        data-testid="mobile-nav"
      >
        <ul className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-3 sm:px-6">
          {links.map((link) => {
            const active = isActive(pathname, link.href);
            return (
              <li key={link.href}>
                <Link
                  href={link.href}
                  aria-current={active ? "page" : undefined}
                  onClick={() => {
                    setOpen(false);
                    // The link disappears with the panel; the content is where the reader was going.
                    document.getElementById("main")?.focus({ preventScroll: true });
                  }}
                  className={cn(
                    "flex min-h-11 items-center rounded-lg px-3 text-base font-medium",
                    active ? "bg-accent-soft text-accent-strong" : "text-text hover:bg-surface-2",
                  )}
                >
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
