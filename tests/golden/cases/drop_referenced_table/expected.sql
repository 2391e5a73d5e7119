ALTER TABLE "players" DROP CONSTRAINT "players_team_id_fkey";
--> statement-breakpoint
DROP TABLE "teams" CASCADE;