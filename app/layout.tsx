import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { LogoMark } from "@/components/layout/logo";
import { MobileNav, SiteNav } from "@/components/layout/site-nav";
import { ThemeToggle, themeBootScript } from "@/components/layout/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Offset — Kafka & stream processing interview coach", template: "%s · Offset" },
  description:
    "Practise Apache Kafka and stream-processing interview questions, get rubric-based feedback you can trust, and test your answers on a live simulated Kafka cluster.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f6f3" },
    { media: "(prefers-color-scheme: dark)", color: "#0e1116" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Inline and blocking on purpose: it must set the theme class before first paint, or dark
            mode flashes light. (next/script's beforeInteractive queues it until after paint.) */}
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-bg text-text">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-accent focus:px-4 focus:py-2 focus:text-accent-fg"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-border bg-bg/85 backdrop-blur supports-[backdrop-filter]:bg-bg/70">
          <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
            <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight" aria-label="Offset home">
              <LogoMark className="h-7 w-7" />
              <span className="text-[1.05rem]">Offset</span>
            </Link>
            <div className="min-w-0 flex-1">
              <SiteNav />
            </div>
            <ThemeToggle />
            <UserMenu />
            {/* Last in the header, so Tab runs from the Menu button straight into its panel. */}
            <MobileNav />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-10 outline-none sm:px-6">
          {children}
        </main>
        <footer className="border-t border-border">
          <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:justify-between sm:px-6">
            <p>Offset — practise Kafka and stream-processing interviews, one offset at a time.</p>
            <p>Questions and model answers are written for Offset; Kafka behaviour follows Apache Kafka&apos;s own rules.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
