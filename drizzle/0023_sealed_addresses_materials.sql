ALTER TABLE "dev_outbox" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ALTER COLUMN "address_detail" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "address_detail" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "blobs" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "params" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ALTER COLUMN "address_detail" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_outbox" ADD COLUMN "to_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "dev_outbox" ADD COLUMN "text_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "address_detail_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "address_detail_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "blobs" ADD COLUMN "content_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "params_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "phone_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "body_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "address_detail_sealed" "bytea";