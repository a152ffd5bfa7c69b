import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RubricEditor } from "@/components/rubric-editor/rubric-editor";
import type { BenchAttemptOption, EditorVersion } from "@/components/rubric-editor/types";
import { requireUserForPage } from "@/lib/auth/session";
import { getContentBank } from "@/lib/content/bank";
import { getRubricVersion, getRubricWorkspace, listBenchAttempts, type VersionDetail } from "@/lib/db/rubrics";
import { db } from "@/lib/db/prisma";
import { calibrationExamples } from "@/lib/scoring/calibration";

export const metadata: Metadata = { title: "Edit rubric" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ base?: string | string[] }> };

function editorVersion(detail: VersionDetail): EditorVersion {
  return {
    version: detail.version,
    rubric: detail.rubric,
    isActive: detail.isActive,
    publishedAt: detail.publishedAt?.toISOString() ?? null,
    note: detail.note,
    authorName: detail.authorName,
  };
}

export default async function EditRubricPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { base } = await searchParams;
  const baseParam = Array.isArray(base) ? base[0] : base;
  await requireUserForPage(`/instructor/questions/${slug}/edit${baseParam ? `?base=${encodeURIComponent(baseParam)}` : ""}`, "instructor");

  const workspace = await getRubricWorkspace(db(), { slug });
  if (!workspace) notFound();

  // ?base=N starts the draft from an older (or newer, unpublished) version; a save still goes on top of the latest.
  let start = workspace.latest;
  if (baseParam !== undefined) {
    const requested = /^[1-9][0-9]{0,6}$/.test(baseParam) ? await getRubricVersion(db(), { slug, version: Number(baseParam) }) : null;
    if (!requested) notFound();
    start = requested;
  }

  let benchAttempts: BenchAttemptOption[] = [];
  let benchAttemptsError: string | undefined;
  try {
    benchAttempts = (await listBenchAttempts(db(), { slug, limit: 50 })).map((attempt) => ({ ...attempt, createdAt: attempt.createdAt.toISOString() }));
  } catch (error) {
    console.error(error);
    benchAttemptsError = "The list of attempts could not be loaded; the bench still runs on the model answer and the graded answers.";
  }

  return (
    <RubricEditor
      // A new start version means a new editing session (and a different local draft).
      key={`${slug}:${start.version}`}
      question={{ slug, title: workspace.question.title, prompt: workspace.question.prompt, modelAnswer: workspace.question.modelAnswer }}
      start={editorVersion(start)}
      latest={{ version: workspace.latest.version, rubric: workspace.latest.rubric }}
      active={{ version: workspace.active.version, rubric: workspace.active.rubric }}
      vocabulary={getContentBank().vocabulary}
      claims={getContentBank().claims}
      benchAttempts={benchAttempts}
      benchAttemptsError={benchAttemptsError}
      calibration={calibrationExamples(slug).map(({ id, voice, text, expected }) => ({ id, voice, text, expected }))}
    />
  );
}
