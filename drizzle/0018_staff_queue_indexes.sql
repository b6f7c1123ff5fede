DROP INDEX "applications_district_due_idx";--> statement-breakpoint
CREATE INDEX "residents_name_idx" ON "residents" USING btree ("name");--> statement-breakpoint
CREATE INDEX "applications_district_due_idx" ON "applications" USING btree ("district_code","due_by","created_at","id");