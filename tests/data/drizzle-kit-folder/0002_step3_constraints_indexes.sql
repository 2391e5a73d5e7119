ALTER TYPE "public"."mood" ADD VALUE 'meh' BEFORE 'ok';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_team_id_age_unique";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_age_check";--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "users_name_hash_idx";--> statement-breakpoint
DROP INDEX "users_name_partial_idx";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'audit'
                AND table_name = 'ref'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "ref" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
ALTER TABLE "audit"."ref" ADD CONSTRAINT "ref_id_log_id_pk" PRIMARY KEY("id","log_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_team_id_orgs_id_team_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."orgs"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_level_msg_idx" ON "audit"."log" USING btree ("level","message" text_ops);--> statement-breakpoint
CREATE INDEX "users_bio_idx" ON "users" USING btree ("bio" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_lower_name_idx" ON "users" USING btree (lower("name"),"age") WHERE "users"."name" is not null;--> statement-breakpoint
CREATE INDEX "users_name_partial_idx" ON "users" USING btree ("name") WHERE "users"."age" > 21;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_score_unique" UNIQUE("score");--> statement-breakpoint
ALTER TABLE "audit"."log" ADD CONSTRAINT "log_message_len" CHECK (length("audit"."log"."message") > 0);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_score_check" CHECK ("users"."score" between 0 and 100);