CREATE TABLE "identity_binding_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number" text NOT NULL,
	"code_hash" text NOT NULL,
	"evidence" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"station_id" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"failed_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_binding_codes" ADD CONSTRAINT "identity_binding_codes_issued_by_staff_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_binding_codes" ADD CONSTRAINT "identity_binding_codes_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_binding_codes" ADD CONSTRAINT "identity_binding_codes_used_by_residents_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_binding_codes_id_number_idx" ON "identity_binding_codes" USING btree ("id_number","issued_at");