-- CreateEnum
CREATE TYPE "FollowUpSource" AS ENUM ('list', 'llm');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('asked', 'answered', 'skipped');

-- AlterTable
ALTER TABLE "MockSession" ADD COLUMN     "askFollowUps" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MockFollowUp" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "attemptId" UUID NOT NULL,
    "source" "FollowUpSource" NOT NULL,
    "followUpIndex" INTEGER,
    "prompt" TEXT NOT NULL,
    "targetItemIds" TEXT[],
    "model" TEXT,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'asked',
    "answer" TEXT,
    "answerSource" "AnswerSource",
    "timeSpentMs" INTEGER,
    "score" DOUBLE PRECISION,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "MockFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MockFollowUp_attemptId_idx" ON "MockFollowUp"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "MockFollowUp_sessionId_position_key" ON "MockFollowUp"("sessionId", "position");

-- AddForeignKey
ALTER TABLE "MockFollowUp" ADD CONSTRAINT "MockFollowUp_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MockSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MockFollowUp" ADD CONSTRAINT "MockFollowUp_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
