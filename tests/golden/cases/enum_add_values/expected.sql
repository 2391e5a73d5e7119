ALTER TYPE "public"."mood" ADD VALUE 'awful' BEFORE 'sad';--> statement-breakpoint
ALTER TYPE "public"."mood" ADD VALUE 'ok' BEFORE 'happy';--> statement-breakpoint
ALTER TYPE "public"."mood" ADD VALUE 'ecstatic';--> statement-breakpoint
ALTER TYPE "public"."mood" ADD VALUE 'euphoric';