export const ROLES = ["candidate", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { candidate: 0, instructor: 1, admin: 2 };

/** Admins can do what instructors can, instructors what candidates can. */
export function hasRole(role: string | null | undefined, needed: Role): boolean {
  return role !== null && role !== undefined && role in RANK && RANK[role as Role] >= RANK[needed];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
