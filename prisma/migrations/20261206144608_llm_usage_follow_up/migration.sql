-- AlterEnum
ALTER TYPE "LlmUsageKind" ADD VALUE 'follow_up';
