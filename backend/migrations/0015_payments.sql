CREATE TYPE "public"."payment_state" AS ENUM('due', 'collected', 'awaiting', 'paid', 'refunding', 'refunded', 'refund_failed', 'void');--> statement-breakpoint
CREATE TYPE "public"."payment_kind" AS ENUM('charge', 'refund', 'cash');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('created', 'authorized', 'captured', 'failed', 'pending', 'processed', 'collected');--> statement-breakpoint
CREATE TYPE "public"."refund_reason" AS ENUM('rejected', 'cancelled', 'failed', 'duplicate');--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'AWAITING_PAYMENT' BEFORE 'PENDING';--> statement-breakpoint
ALTER TYPE "public"."payment_method" ADD VALUE 'online';--> statement-breakpoint
CREATE TABLE "cash_settlements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rider_id" uuid NOT NULL,
	"amount_paise" integer NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_settlements_amount_positive" CHECK ("cash_settlements"."amount_paise" > 0)
);
--> statement-breakpoint
CREATE TABLE "gateway_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gateway_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"gateway_order_id" text NOT NULL,
	"amount_paise" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_orders_gateway_order_id_unique" UNIQUE("gateway_order_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" "payment_kind" NOT NULL,
	"status" "payment_status" NOT NULL,
	"amount_paise" integer NOT NULL,
	"gateway_order_id" text,
	"gateway_payment_id" text,
	"gateway_refund_id" text,
	"refund_of" uuid,
	"reason" "refund_reason",
	"rider_id" uuid,
	"instrument" text,
	"error_code" text,
	"error_description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_paise" > 0)
);
--> statement-breakpoint
-- Every order so far was cash: collected if delivered, owing nothing if it ended otherwise, due until then.
ALTER TABLE "orders" ADD COLUMN "payment_state" "payment_state" DEFAULT 'due' NOT NULL;--> statement-breakpoint
UPDATE "orders" SET "payment_state" = CASE
  WHEN "status" = 'DELIVERED' THEN 'collected'::payment_state
  WHEN "status" IN ('REJECTED', 'CANCELLED', 'FAILED') THEN 'void'::payment_state
  ELSE 'due'::payment_state END;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "payment_state" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pay_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
-- Cash orders went to the shop when they were placed.
UPDATE "orders" SET "released_at" = "created_at";--> statement-breakpoint
-- Cash already taken at doors enters the ledger, so a rider's cash in hand is the ledger's sum from the start.
INSERT INTO "payments" ("id", "order_id", "kind", "status", "amount_paise", "rider_id", "created_at", "updated_at")
  SELECT gen_random_uuid(), "id", 'cash', 'collected', "total_paise", "rider_id", "updated_at", "updated_at" FROM "orders"
  WHERE "status" = 'DELIVERED' AND "payment_method" = 'cash' AND "total_paise" > 0;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "accepts_cash" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "accepts_online" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_settlements" ADD CONSTRAINT "cash_settlements_rider_id_users_id_fk" FOREIGN KEY ("rider_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_settlements" ADD CONSTRAINT "cash_settlements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_orders" ADD CONSTRAINT "gateway_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_rider_id_users_id_fk" FOREIGN KEY ("rider_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cash_settlements_rider_idx" ON "cash_settlements" USING btree ("rider_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_charge_once" ON "payments" USING btree ("gateway_payment_id") WHERE "payments"."kind" = 'charge';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_refund_once" ON "payments" USING btree ("refund_of") WHERE "payments"."kind" = 'refund';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_refund_gateway_id" ON "payments" USING btree ("gateway_refund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_cash_once" ON "payments" USING btree ("order_id") WHERE "payments"."kind" = 'cash';--> statement-breakpoint
CREATE INDEX "payments_rider_cash_idx" ON "payments" USING btree ("rider_id","created_at") WHERE "payments"."kind" = 'cash';