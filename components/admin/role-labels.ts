// Role names and what each can do, as the admin pages say them (after "They", so plural verbs). Plain module: usable from server
// and client components alike.
import type { Role } from "@/lib/auth/roles";

export const ROLE_LABELS: Record<Role, string> = { candidate: "Candidate", instructor: "Instructor", admin: "Admin" };

export const ROLE_POWERS: Record<Role, string> = {
  candidate: "practise and see only their own attempts",
  instructor: "can also edit rubrics and see statistics",
  admin: "can also change anyone's role",
};
