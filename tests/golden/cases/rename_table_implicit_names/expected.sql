ALTER TABLE "notes" RENAME TO "memos";--> statement-breakpoint
ALTER SEQUENCE "public"."notes_id_seq" RENAME TO "memos_id_seq";--> statement-breakpoint
ALTER SEQUENCE "public"."notes_code_seq" RENAME TO "memos_code_seq";--> statement-breakpoint
ALTER TABLE "memos" RENAME CONSTRAINT "notes_pkey" TO "memos_pkey";--> statement-breakpoint
ALTER TABLE "memos" RENAME CONSTRAINT "notes_slug_key" TO "memos_slug_key";--> statement-breakpoint
ALTER TABLE "memos" RENAME CONSTRAINT "notes_owner_id_fkey" TO "memos_owner_id_fkey";