-- AlterTable
ALTER TABLE "MockSession" ADD COLUMN     "skippedPositions" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
