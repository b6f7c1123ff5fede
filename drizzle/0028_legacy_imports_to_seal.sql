CREATE TABLE "legacy_imports_to_seal" (
	"import_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Every legacy row of an older release is in clear: its import is to be sealed at start-up.
INSERT INTO "legacy_imports_to_seal" ("import_id") SELECT DISTINCT "import_id" FROM "legacy_cards" WHERE "seal_block" IS NULL;
