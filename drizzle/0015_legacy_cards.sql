CREATE TABLE "legacy_cards" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"card_number" text NOT NULL,
	"row_hash" text NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"ethnicity" text NOT NULL,
	"hukou_address" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"last_endorsed_on" date,
	CONSTRAINT "legacy_cards_card_number_unique" UNIQUE("card_number")
);
--> statement-breakpoint
CREATE TABLE "legacy_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"already_present" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legacy_cards" ADD CONSTRAINT "legacy_cards_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_cards" ADD CONSTRAINT "legacy_cards_import_id_legacy_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."legacy_imports"("id") ON DELETE no action ON UPDATE no action;