CREATE TYPE "public"."offer_status" AS ENUM('offered', 'accepted', 'declined', 'expired');--> statement-breakpoint
CREATE TABLE "delivery_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"rider_id" uuid NOT NULL,
	"status" "offer_status" DEFAULT 'offered' NOT NULL,
	"distance_m" integer NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "delivery_offers" ADD CONSTRAINT "delivery_offers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_offers" ADD CONSTRAINT "delivery_offers_rider_id_users_id_fk" FOREIGN KEY ("rider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_offers_open_order" ON "delivery_offers" USING btree ("order_id") WHERE "delivery_offers"."status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_offers_open_rider" ON "delivery_offers" USING btree ("rider_id") WHERE "delivery_offers"."status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_offers_order_rider" ON "delivery_offers" USING btree ("order_id","rider_id");