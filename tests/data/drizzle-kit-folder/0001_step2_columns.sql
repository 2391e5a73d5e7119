ALTER TYPE "public"."mood" ADD VALUE 'ecstatic';--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_integer" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_boolean" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_text" SET DEFAULT 'x';--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_varchar_n" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_numeric_p" SET DATA TYPE numeric(12, 4);--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_timestamp" SET DATA TYPE timestamp with time zone;--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_text_array" SET DATA TYPE varchar(40)[];--> statement-breakpoint
ALTER TABLE "audit"."log" ALTER COLUMN "mood" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_int" SET DEFAULT 43;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_int" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_real" SET DEFAULT 2.5;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_text" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_sql_expr" SET DEFAULT (2 + 3);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bio" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "score" integer;--> statement-breakpoint
ALTER TABLE "all_types" DROP COLUMN "col_macaddr";