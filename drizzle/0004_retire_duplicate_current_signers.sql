-- Before one current signer per purpose is enforced (next migration): a database where two
-- processes once created keys at the same time holds two. Keep the newest signing (the one
-- currentSigningKey already chose) and retire the others as a rotation would: they stop signing
-- now and stay trusted for verification for two days, longer than anything they signed lives
-- (a display code's lifetime + skew, a status list's day of validity).
UPDATE "signing_keys" AS k
SET "sign_until" = now(), "verify_until" = now() + interval '2 days'
WHERE k."sign_until" IS NULL
  AND k."encrypted_private_key" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "signing_keys" AS newer
    WHERE newer."purpose" = k."purpose"
      AND newer."sign_until" IS NULL
      AND newer."encrypted_private_key" IS NOT NULL
      AND (newer."created_at", newer."kid") > (k."created_at", k."kid")
  );
