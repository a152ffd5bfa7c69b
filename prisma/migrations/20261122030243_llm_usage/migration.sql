-- CreateEnum
CREATE TYPE "LlmUsageKind" AS ENUM ('refinement', 'transcription');

-- CreateTable
CREATE TABLE "LlmUsage" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "LlmUsageKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LlmUsage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LlmUsage_userId_createdAt_idx" ON "LlmUsage"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "LlmUsage" ADD CONSTRAINT "LlmUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
