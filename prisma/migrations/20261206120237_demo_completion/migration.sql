-- CreateTable
CREATE TABLE "DemoCompletion" (
    "userId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoCompletion_pkey" PRIMARY KEY ("userId","scenarioId")
);

-- AddForeignKey
ALTER TABLE "DemoCompletion" ADD CONSTRAINT "DemoCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
