-- Custom SQL (issue 8): legacy cards are kept as the export gave them, in the one table an import
-- writes; holders, cards and status-list entries are made from a row when first needed. The table
-- is partitioned by LIST ("part"): small imports share "legacy_cards_shared" (part 0); a large import
-- loads a table of its own, indexes it once loaded, and attaches it (import-legacy-cards.ts). The
-- codes are compared as bytes (collation "C"): cheaper index builds and look-ups than the locale's.
ALTER TABLE "legacy_imports" ADD COLUMN "part" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TABLE "legacy_cards_lazy" (
	"part" integer NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"card_number" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text COLLATE "C" NOT NULL,
	"ethnicity" text NOT NULL,
	"hukou_address" text NOT NULL,
	"district_code" text NOT NULL,
	"street_code" text NOT NULL,
	"address_detail" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"last_endorsed_on" date,
	"card_id" uuid
) PARTITION BY LIST ("part");--> statement-breakpoint
CREATE TABLE "legacy_cards_shared" PARTITION OF "legacy_cards_lazy" FOR VALUES IN (0);--> statement-breakpoint
CREATE UNIQUE INDEX "legacy_cards_shared_card_number_key" ON "legacy_cards_shared" ("card_number");--> statement-breakpoint
CREATE INDEX "legacy_cards_shared_id_number_idx" ON "legacy_cards_shared" ("id_number");--> statement-breakpoint
-- Cards imported before are already in the register: their rows come over with the card they made.
INSERT INTO "legacy_cards_lazy" ("part", "import_id", "line", "card_number", "kind", "name", "id_number",
	"ethnicity", "hukou_address", "district_code", "street_code", "address_detail", "issuing_authority",
	"issued_on", "valid_until", "last_endorsed_on", "card_id")
SELECT 0, l."import_id", l."line", l."card_number", c."kind", r."name", r."id_number", l."ethnicity",
	l."hukou_address", c."district_code", c."street_code", c."address_detail", l."issuing_authority",
	c."issued_on", c."valid_until", l."last_endorsed_on", l."card_id"
FROM "legacy_cards" l JOIN "cards" c ON c."id" = l."card_id" JOIN "residents" r ON r."id" = c."holder_id";--> statement-breakpoint
DROP TABLE "legacy_cards";--> statement-breakpoint
ALTER TABLE "legacy_cards_lazy" RENAME TO "legacy_cards";
