import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

const handler = (request: Request) => toNextJsHandler(auth()).POST(request);

export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);
export const POST = handler;
