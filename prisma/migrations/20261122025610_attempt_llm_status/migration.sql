-- CreateEnum
CREATE TYPE "LlmStatus" AS ENUM ('not_requested', 'pending', 'done', 'failed');

-- AlterEnum
ALTER TYPE "AttemptStatus" ADD VALUE 'unscored';

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "llmError" TEXT,
ADD COLUMN     "llmStatus" "LlmStatus" NOT NULL DEFAULT 'not_requested';
