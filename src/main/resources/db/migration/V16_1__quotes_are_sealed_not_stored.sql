-- A quote is a sealed token the service signs, no longer a row (ADR 0015, issue 14): POST /v1/quotes writes nothing,
-- and a quote's single use is the uniqueness of payment.quote_id (kept). The references to the quote table go; the
-- table keeps the quotes made before this migration (nothing reads it any more).
alter table payment drop constraint payment_quote_id_fkey;
alter table acquired_quote drop constraint acquired_quote_quote_id_fkey;
-- A user-presented code's payment resumes with the sealed quote it was priced with (a retry with the same key).
alter table payment_code add column quote_token varchar(1024);
comment on table quote is 'Quotes made before V16_1; since then quotes are sealed tokens (ADR 0015) and not stored';
