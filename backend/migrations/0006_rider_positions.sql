CREATE TABLE "rider_positions" (
	"rider_id" uuid PRIMARY KEY NOT NULL,
	"location" geography(Point,4326) NOT NULL,
	"accuracy_m" real,
	"heading" real,
	"speed_mps" real,
	"recorded_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"broadcast_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rider_trail" (
	"rider_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"location" geography(Point,4326) NOT NULL,
	"accuracy_m" real,
	"heading" real,
	"speed_mps" real,
	"flagged" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rider_trail_rider_id_recorded_at_pk" PRIMARY KEY("rider_id","recorded_at")
);
--> statement-breakpoint
ALTER TABLE "rider_positions" ADD CONSTRAINT "rider_positions_rider_id_users_id_fk" FOREIGN KEY ("rider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rider_trail" ADD CONSTRAINT "rider_trail_rider_id_users_id_fk" FOREIGN KEY ("rider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rider_positions_location_gist" ON "rider_positions" USING gist ("location");