ALTER TABLE "confirmation_forms" ADD COLUMN "origin" text DEFAULT 'window' NOT NULL;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD COLUMN "proof" text;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD COLUMN "handed_over_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD COLUMN "handed_over_by" uuid;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_handed_over_by_staff_id_fk" FOREIGN KEY ("handed_over_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "confirmation_forms_station_issued_idx" ON "confirmation_forms" USING btree ("station_id","issued_at");--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_origin_check" CHECK ("confirmation_forms"."origin" in ('window', 'after_review'));--> statement-breakpoint
ALTER TABLE "confirmation_forms" ADD CONSTRAINT "confirmation_forms_handed_over_check" CHECK ("confirmation_forms"."handed_over_at" is null or "confirmation_forms"."origin" = 'after_review');