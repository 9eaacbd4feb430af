-- The wallet spending rule in SQL, written once: charges a wallet atomically against its status,
-- balance, per-payment and daily limits, or changes nothing. Called by WalletRepository.tryCharge and
-- by the payment hot path's single statement. The row lock serialises charges to one wallet and the
-- WHERE clause re-checks the committed row (READ COMMITTED re-evaluation), so concurrent payments can
-- never take a wallet below zero or over its limits. SpendingPolicy is the same rule in Java; a
-- property test (SpendingRuleAgreementTest) proves they agree.
create function charge_wallet(p_wallet uuid, p_amount bigint, p_today date) returns boolean
language sql volatile as $$
    with charged as (
        update wallet set
            balance_minor = balance_minor - p_amount,
            spent_on_spend_day_minor = case when spend_day = p_today then spent_on_spend_day_minor + p_amount
                                            else p_amount end,
            spend_day = p_today,
            version = version + 1
        where id = p_wallet and status = 'ACTIVE'
          and balance_minor >= p_amount
          and p_amount <= per_payment_limit_minor
          and (case when spend_day = p_today then spent_on_spend_day_minor else 0 end) + p_amount <= daily_limit_minor
        returning 1)
    select exists (select 1 from charged)
$$;
