CREATE TABLE "push_messages" (
	"notification_id" uuid NOT NULL,
	"expo_push_token" text NOT NULL,
	"ticket_status" text NOT NULL,
	"ticket_id" text,
	"ticket_error" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receipt_status" text,
	"receipt_error" text,
	"receipt_checked_at" timestamp with time zone,
	CONSTRAINT "push_messages_notification_id_expo_push_token_pk" PRIMARY KEY("notification_id","expo_push_token")
);
--> statement-breakpoint
CREATE TABLE "short_links" (
	"code" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"template_id" text NOT NULL,
	"status" text NOT NULL,
	"gateway_ref" text,
	"error_code" text,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "push_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "push_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "push_messages" ADD CONSTRAINT "push_messages_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "push_messages_receipt_due_idx" ON "push_messages" USING btree ("sent_at") WHERE "push_messages"."ticket_id" IS NOT NULL AND "push_messages"."receipt_checked_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_once" ON "sms_messages" USING btree ("order_id","user_id");--> statement-breakpoint
CREATE INDEX "notifications_outbox_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."sent_at" IS NULL;--> statement-breakpoint
-- Notifications written before pushes existed are not sent now, hours late.
UPDATE "notifications" SET "sent_at" = "created_at" WHERE "sent_at" IS NULL;
