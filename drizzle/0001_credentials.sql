CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"alg" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"encrypted_private_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"sign_until" timestamp with time zone,
	"verify_until" timestamp with time zone,
	CONSTRAINT "signing_keys_purpose_check" CHECK ("signing_keys"."purpose" in ('display_code', 'trust_anchor')),
	CONSTRAINT "signing_keys_alg_check" CHECK ("signing_keys"."alg" in ('ES256', 'EdDSA'))
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"list" integer PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"allocated" "bytea" NOT NULL,
	"allocated_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"code_id" text,
	"card_id" uuid,
	"result" text NOT NULL,
	"org_id" uuid,
	"full_record" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifier_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "verifier_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "verifier_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"full_record" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verify_challenges" (
	"challenge" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "status_list" integer;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "status_index" integer;--> statement-breakpoint
ALTER TABLE "verifier_keys" ADD CONSTRAINT "verifier_keys_org_id_verifier_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."verifier_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verifications_code_idx" ON "verifications" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "verifications_card_idx" ON "verifications" USING btree ("card_id","at");--> statement-breakpoint
CREATE INDEX "verifier_keys_org_idx" ON "verifier_keys" USING btree ("org_id");--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_status_entry_key" UNIQUE("status_list","status_index");