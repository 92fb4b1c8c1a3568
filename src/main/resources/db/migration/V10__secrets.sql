-- Team mode: the bot token and the callback HMAC key, shared by every console on the database, encrypted with
-- AES-256-GCM under a key that never enters the database (secrets.key in each console's own settings file).
-- key_id is a fingerprint of that key, so a console holding another key is told so plainly.
-- Portable between H2 2.x and PostgreSQL.

CREATE TABLE app_secret (
    name        VARCHAR(64)  PRIMARY KEY,
    -- base64 of the AES-GCM output (ciphertext followed by the 128-bit tag); the name is the associated data
    ciphertext  VARCHAR(4000) NOT NULL,
    -- base64 of the 12-byte nonce, fresh for every write
    nonce       VARCHAR(32)  NOT NULL,
    key_id      VARCHAR(32)  NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL
);
