-- Webhook signing secrets encrypted at rest (docs/webhooks.md): AES-256-GCM under kakehashi.webhook.secret-key,
-- a random 96-bit nonce per secret and the key's version beside the ciphertext so keys can rotate.
-- Existing plaintext secrets are sealed and their plaintext nulled by the application at start-up
-- (WebhookSecretSealing): a migration cannot, it has no key. The plaintext column is dropped by a later
-- migration once every instance has started on this version.
alter table webhook_subscription
    add column secret_ciphertext   bytea,
    add column secret_nonce        bytea,
    add column secret_key_version  int,
    alter column secret drop not null;

alter table webhook_subscription add constraint webhook_subscription_secret_present
    check ((secret_ciphertext is not null and secret_nonce is not null and secret_key_version is not null)
           or secret is not null);

create index webhook_subscription_plaintext_secret on webhook_subscription (id) where secret is not null;
