ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "ended_reason" text;--> statement-breakpoint
CREATE INDEX "residents_name_prefix_idx" ON "residents" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_district_due_idx" ON "applications" USING btree ("district_code","due_by","created_at");--> statement-breakpoint
CREATE INDEX "applications_card_idx" ON "applications" USING btree ("card_id");