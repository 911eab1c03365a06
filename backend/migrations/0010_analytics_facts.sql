CREATE TABLE "order_line_facts" (
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"line_paise" integer NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_line_facts_order_id_product_id_pk" PRIMARY KEY("order_id","product_id")
);
--> statement-breakpoint
DROP INDEX "order_facts_store_idx";--> statement-breakpoint
ALTER TABLE "order_facts" ADD COLUMN "actor" text;--> statement-breakpoint
ALTER TABLE "order_facts" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "order_facts" ADD COLUMN "reason_code" text;--> statement-breakpoint
CREATE INDEX "order_line_facts_store_idx" ON "order_line_facts" USING btree ("store_id","placed_at","order_id","product_id","quantity","line_paise","name");--> statement-breakpoint
CREATE INDEX "order_facts_store_idx" ON "order_facts" USING btree ("store_id","occurred_at","order_id","seq","status","actor","total_paise");