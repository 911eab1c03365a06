CREATE TYPE "public"."reject_reason" AS ENUM('out_of_stock', 'closing_soon', 'too_busy', 'other');--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "reason_code" "reject_reason";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "answer_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "seen_by_store_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "prep_minutes" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "accepted_at" timestamp with time zone;