package com.kakehashi.webhook.application;

import com.kakehashi.common.security.Caller;
import java.util.Optional;

/**
 * Another subject whose events a subscriber receives: an acquirer receives the payment events of its payee (the
 * merchant row settlement pays it through). Implemented by the acquiring feature, so this one need not know it.
 */
public interface SubscriberAliases {
    Optional<String> aliasOf(Caller caller);
}
