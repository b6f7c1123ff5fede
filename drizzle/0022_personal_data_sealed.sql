CREATE TABLE "data_keys" (
	"purpose" text NOT NULL,
	"key_id" smallint NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_keys_pkey" PRIMARY KEY("purpose","key_id"),
	CONSTRAINT "data_keys_purpose_check" CHECK ("data_keys"."purpose" in ('field', 'index')),
	CONSTRAINT "data_keys_key_id_check" CHECK ("data_keys"."key_id" between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "residents" DROP CONSTRAINT "residents_phone_unique";--> statement-breakpoint
ALTER TABLE "residents" DROP CONSTRAINT "residents_id_number_unique";--> statement-breakpoint
DROP INDEX "residents_name_prefix_idx";--> statement-breakpoint
DROP INDEX "residents_name_idx";--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "phone_index" "bytea";--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "phone_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "id_number_index" "bytea";--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "id_number_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "name_index" "bytea";--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "name_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "legacy_cards" ADD COLUMN "id_number_index" "bytea";--> statement-breakpoint
ALTER TABLE "legacy_cards" ADD COLUMN "name_index" "bytea";--> statement-breakpoint
CREATE INDEX "residents_name_index_idx" ON "residents" USING btree ("name_index");--> statement-breakpoint
CREATE INDEX "legacy_cards_id_number_index_idx" ON "legacy_cards" USING btree ("id_number_index","name_index");--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_phone_index_key" UNIQUE("phone_index");--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_id_number_index_key" UNIQUE("id_number_index");--> statement-breakpoint
-- Custom SQL (issue 9): legacy cards are now found by the blind index of the holder's ID number
-- (legacy_cards_id_number_index_idx, filled at start-up for rows imported before); the index each
-- partition had on the ID number in clear (the shared one's, and each import's own) goes.
DROP INDEX IF EXISTS "legacy_cards_shared_id_number_idx";--> statement-breakpoint
DO $$
DECLARE i record;
BEGIN
	FOR i IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind = 'i' AND c.relname ~ '^legacy_cards_p[0-9]+_id_number_idx$'
	LOOP
		EXECUTE format('DROP INDEX %I.%I', i.nspname, i.relname);
	END LOOP;
END $$;
