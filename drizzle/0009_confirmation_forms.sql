CREATE SEQUENCE "public"."confirmation_form_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "confirmation_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"card_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"station_id" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"evidence" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "confirmation_forms_serial_unique" UNIQUE("serial"),
	CONSTRAINT "confirmation_forms_evidence_check" CHECK ("confirmation_forms"."evidence" in ('id_card', 'household_register', 'origin_certificate', 'display_code'))
);
--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_holder_id_residents_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "confirmation_forms_holder_idx" ON "confirmation_forms" USING btree ("holder_id");