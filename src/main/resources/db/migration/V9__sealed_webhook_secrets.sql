-- Webhook secrets are kept sealed (AES-GCM, with the id of the key that sealed them), which is longer than the
-- secret itself; rows written before stay readable as they are and are sealed by the service at its next start.
alter table webhook alter column secret type varchar(1000);
