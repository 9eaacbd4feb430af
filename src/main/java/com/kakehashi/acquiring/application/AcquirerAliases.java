package com.kakehashi.acquiring.application;

import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.webhook.application.SubscriberAliases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** An acquirer's webhooks receive its payee's payment events (captures and refunds of its payments). */
@ApplicationScoped
public class AcquirerAliases implements SubscriberAliases {
    @Inject
    Acquirers acquirers;

    @Override
    public Optional<String> aliasOf(Caller caller) {
        if (!caller.is(Roles.ACQUIRER)) {
            return Optional.empty();
        }
        return Optional.of(acquirers.byId(caller.subject()).payeeMerchantId().toString());
    }
}
