ALTER TABLE "teams" RENAME TO "squads";--> statement-breakpoint
ALTER TABLE "squads" RENAME CONSTRAINT "teams_pkey" TO "squads_pkey";