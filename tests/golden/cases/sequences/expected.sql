CREATE SEQUENCE "public"."order_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER SEQUENCE "public"."ticket_seq" RENAME TO "ticket_number_seq";--> statement-breakpoint
ALTER SEQUENCE "public"."invoice_seq" INCREMENT BY 2 MINVALUE 1 MAXVALUE 100000 START WITH 1 CACHE 1 CYCLE;--> statement-breakpoint
DROP SEQUENCE "public"."old_seq";