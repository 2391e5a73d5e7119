ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pk" PRIMARY KEY("user_id","team_id");