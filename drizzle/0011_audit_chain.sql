CREATE TABLE "audit_chain_head" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "audit_chain_head_one_row" CHECK ("audit_chain_head"."id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" "bytea";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" "bytea";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
-- The audit log is append-only and hash-chained (docs/security.md, "Tamper-evident audit").
-- The text a row's hash covers: every column but the hashes, as canonical jsonb text (PostgreSQL
-- writes jsonb keys and numbers one way), the instant as epoch seconds so no time zone setting
-- changes it. `juzhu audit verify` hashes this same text.
CREATE FUNCTION "audit_row_text"(a "audit_log") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    a."id", a."seq", extract(epoch FROM a."at"), a."actor_kind", a."actor_id", a."channel",
    a."action", a."subject_kind", a."subject_id", a."station_id", a."details"
  )::text
$$;
--> statement-breakpoint
INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (true, 0, decode(repeat('00', 32), 'hex'));
--> statement-breakpoint
-- Rows written before the chain existed are sealed in id order (their commit order is lost).
DO $$
DECLARE
  r "audit_log";
  head_seq bigint := 0;
  head_hash bytea := decode(repeat('00', 32), 'hex');
BEGIN
  FOR r IN SELECT * FROM "audit_log" ORDER BY "id" LOOP
    r."seq" := head_seq + 1;
    r."prev_hash" := head_hash;
    r."hash" := sha256(head_hash || convert_to("audit_row_text"(r), 'UTF8'));
    UPDATE "audit_log" SET "seq" = r."seq", "prev_hash" = r."prev_hash", "hash" = r."hash" WHERE "id" = r."id";
    head_seq := r."seq";
    head_hash := r."hash";
  END LOOP;
  UPDATE "audit_chain_head" SET "seq" = head_seq, "hash" = head_hash;
END $$;
--> statement-breakpoint
-- Sealing runs at commit (a deferred constraint trigger), after the transaction took every other
-- lock it needs: the head row is the last lock anyone waits for, so it cannot close a deadlock, and
-- it is held only while the commit seals its rows. The chain's order is commit order.
CREATE FUNCTION "audit_seal"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head "audit_chain_head";
  r "audit_log";
BEGIN
  SELECT * INTO head FROM "audit_chain_head" FOR UPDATE;
  SELECT * INTO r FROM "audit_log" WHERE "id" = NEW."id";
  r."seq" := head."seq" + 1;
  r."prev_hash" := head."hash";
  r."hash" := sha256(head."hash" || convert_to("audit_row_text"(r), 'UTF8'));
  UPDATE "audit_log" SET "seq" = r."seq", "prev_hash" = r."prev_hash", "hash" = r."hash" WHERE "id" = NEW."id";
  UPDATE "audit_chain_head" SET "seq" = r."seq", "hash" = r."hash";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_log_seal" AFTER INSERT ON "audit_log"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "audit_seal"();
--> statement-breakpoint
-- Only the seal may touch a row, once, and only its chain columns; nothing deletes or truncates.
CREATE FUNCTION "audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: OLD and NEW exist only for the operations that have them.
  IF TG_OP = 'UPDATE' THEN
    IF OLD."hash" IS NULL
       AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
-- The head is only ever moved by a seal: never deleted, never moved back.
CREATE FUNCTION "audit_head_forward_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."seq" > OLD."seq" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_chain_head only moves forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_forward_only" BEFORE UPDATE OR DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION "audit_head_forward_only"();
