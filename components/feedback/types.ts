// The feedback view's data shapes live with the code that builds them (lib/practice/feedback-types.ts).
export type * from "@/lib/practice/feedback-types";
