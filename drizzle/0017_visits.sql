CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"application_id" uuid,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"station_id" text NOT NULL,
	"district_code" text NOT NULL,
	"street_code" text NOT NULL,
	"address_detail" text NOT NULL,
	"due_on" date NOT NULL,
	"assigned_to" uuid,
	"assigned_at" timestamp with time zone,
	"outcome" text,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visits_card_key" UNIQUE("card_id"),
	CONSTRAINT "visits_status_check" CHECK ("visits"."status" in ('open', 'confirmed', 'needs_review', 'revoked', 'kept', 'superseded')),
	CONSTRAINT "visits_reason_check" CHECK ("visits"."reason" in ('new_card', 'address_change')),
	CONSTRAINT "visits_outcome_check" CHECK (("visits"."outcome" is null) = ("visits"."status" in ('open', 'superseded')) and ("visits"."outcome" is null or "visits"."outcome" in ('confirmed', 'not_found', 'mismatch')))
);
--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_holder_id_residents_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_assigned_to_staff_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_reviewed_by_staff_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_street_status_due_idx" ON "visits" USING btree ("street_code","status","due_on");--> statement-breakpoint
CREATE INDEX "visits_district_status_due_idx" ON "visits" USING btree ("district_code","status","due_on");