ALTER TABLE "cards" ADD COLUMN "revoked_reason_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "reason_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "note_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "review_note_sealed" "bytea";