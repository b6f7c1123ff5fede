ALTER TABLE "blobs" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "blobs" ADD COLUMN "content_sealed" "bytea";