import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { Pagination } from "@/components/admin/pagination";
import { ROLE_LABELS } from "@/components/admin/role-labels";
import { RoleSelect } from "@/components/admin/role-select";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TableHead, type TableColumn } from "@/components/ui/table-head";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { countUsersByRole, listUsers } from "@/lib/db/users";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const COLUMNS: readonly TableColumn[] = [
  ["Name", "px-4 py-3 font-medium"],
  ["Email", "px-4 py-3 font-medium"],
  ["Role", "w-64 px-4 py-3 font-medium"],
  ["Joined", "px-4 py-3 font-medium whitespace-nowrap"],
  ["Attempts", "px-4 py-3 text-right font-medium"],
];

const joined = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function AdminUsersPage({ searchParams }: Props) {
  const params = await searchParams;
  const search = (first(params.q) ?? "").trim();
  const requestedPage = Number.parseInt(first(params.page) ?? "1", 10);

  const viewer = await getCurrentUser();
  if (!viewer) {
    const back = new URLSearchParams();
    if (search) back.set("q", search);
    redirect(`/sign-in?next=${encodeURIComponent(`/admin/users${back.size ? `?${back}` : ""}`)}`);
  }
  if (viewer.role !== "admin") forbidden();

  const [list, counts] = await Promise.all([
    listUsers(db(), { search, page: Number.isFinite(requestedPage) ? requestedPage : 1 }),
    countUsersByRole(db()),
  ]);
  const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = Math.min(list.total, list.page * list.pageSize);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow="Admin"
        title="Users and roles"
        description="Change what each account can do. A new role applies from the person's next click — no need for them to sign out."
      />

      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Accounts by role">
        {(["admin", "instructor", "candidate"] as const).map((role) => (
          <li key={role} className="rounded-full border border-border bg-surface px-3 py-1 text-muted">
            <span className="font-semibold text-text tabular-nums">{counts[role]}</span> {ROLE_LABELS[role].toLowerCase()}
            {counts[role] === 1 ? "" : "s"}
          </li>
        ))}
      </ul>

      <form role="search" action="/admin/users" method="get" className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor="user-search" className="sr-only">
          Search users by name or email
        </label>
        <input
          id="user-search"
          name="q"
          type="search"
          defaultValue={search}
          placeholder="Search by name or email"
          maxLength={200}
          className="h-10 w-full rounded-lg border border-border bg-surface px-3 text-[0.95rem] text-text placeholder:text-muted/70 sm:max-w-sm"
          data-testid="user-search"
        />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {search ? (
            <Link href="/admin/users" className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-accent hover:bg-surface-2">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <p className="text-sm text-muted" aria-live="polite" data-testid="user-count">
        {list.total === 0
          ? search
            ? `No account matches “${search}”.`
            : "No accounts yet."
          : `${from}–${to} of ${list.total} ${list.total === 1 ? "account" : "accounts"}${search ? ` matching “${search}”` : ""}`}
      </p>

      {list.total === 0 ? (
        <div className="rounded-2xl border border-dashed border-border bg-surface p-8 text-center text-muted">
          {search ? "Try part of the name or the email's domain." : "Accounts appear here once people sign up."}
        </div>
      ) : (
        <>
          {/* Wide screens: a table. */}
          <div className="hidden overflow-x-auto rounded-2xl border border-border bg-surface md:block">
            <table className="w-full text-left text-sm" data-testid="users-table">
              <caption className="sr-only">Accounts, newest first</caption>
              <TableHead className="border-b border-border bg-surface-2 text-xs tracking-wide text-muted uppercase" columns={COLUMNS} />
              <tbody className="divide-y divide-border">
                {list.rows.map((user) => (
                  <tr key={user.id} className="align-top" data-testid={`user-row-${user.id}`}>
                    <td className="px-4 py-3 font-medium">
                      {user.name || "—"}
                      {user.id === viewer.id ? <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-xs text-accent-strong">you</span> : null}
                    </td>
                    <td className="px-4 py-3 break-all text-muted">{user.email}</td>
                    <td className="px-4 py-2">
                      <RoleSelect userId={user.id} name={user.name} email={user.email} role={user.role} isSelf={user.id === viewer.id} />
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-muted tabular-nums">{joined(user.createdAt)}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{user.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {/* Narrow screens: one card per account. */}
          <ul className="flex flex-col gap-3 md:hidden" aria-label="Accounts, newest first">
            {list.rows.map((user) => (
              <li key={user.id} className="rounded-2xl border border-border bg-surface p-4">
                <p className="font-medium">
                  {user.name || "—"}
                  {user.id === viewer.id ? <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-xs text-accent-strong">you</span> : null}
                </p>
                <p className="text-sm break-all text-muted">{user.email}</p>
                <p className="mt-1 text-xs text-muted tabular-nums">
                  Joined {joined(user.createdAt)} · {user.attempts} {user.attempts === 1 ? "attempt" : "attempts"}
                </p>
                <div className="mt-3">
                  <RoleSelect userId={user.id} name={user.name} email={user.email} role={user.role} isSelf={user.id === viewer.id} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      <Pagination basePath="/admin/users" params={{ q: search || undefined }} page={list.page} pages={list.pages} />
    </div>
  );
}
