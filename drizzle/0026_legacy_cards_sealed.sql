CREATE TABLE "legacy_card_seals" (
	"import_id" uuid NOT NULL,
	"block" integer NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "legacy_card_seals_import_id_block_pk" PRIMARY KEY("import_id","block")
);
--> statement-breakpoint
ALTER TABLE "legacy_cards" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_cards" ALTER COLUMN "id_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_cards" ALTER COLUMN "hukou_address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_cards" ALTER COLUMN "address_detail" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_cards" ADD COLUMN "seal_block" integer;--> statement-breakpoint
ALTER TABLE "legacy_cards" ADD COLUMN "seal_slot" smallint;--> statement-breakpoint
-- Sealed bytes do not compress: stored out of line as they are, without a compression attempt.
ALTER TABLE "legacy_card_seals" ALTER COLUMN "sealed" SET STORAGE EXTERNAL;
