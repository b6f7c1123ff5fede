CREATE TABLE "job_runs" (
	"name" text NOT NULL,
	"run_key" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"result" jsonb,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_pkey" PRIMARY KEY("name","run_key"),
	CONSTRAINT "job_runs_state_check" CHECK ("job_runs"."state" in ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"resident_id" uuid,
	"station_id" text,
	"params" jsonb NOT NULL,
	"phone" text,
	"language" text DEFAULT 'zh-CN' NOT NULL,
	"sms_state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notifications_key_unique" UNIQUE("key"),
	CONSTRAINT "notifications_sms_state_check" CHECK ("notifications"."sms_state" in ('pending', 'sending', 'sent', 'failed', 'none')),
	CONSTRAINT "notifications_language_check" CHECK ("notifications"."language" in ('zh-CN', 'en', 'es')),
	CONSTRAINT "notifications_recipient_check" CHECK ("notifications"."resident_id" is not null or "notifications"."station_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "due_by_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_due_idx" ON "job_runs" USING btree ("run_after") WHERE "job_runs"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "notifications_resident_idx" ON "notifications" USING btree ("resident_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_station_idx" ON "notifications" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_sms_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."sms_state" in ('pending', 'sending');--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_language_check" CHECK ("residents"."language" in ('zh-CN', 'en', 'es'));