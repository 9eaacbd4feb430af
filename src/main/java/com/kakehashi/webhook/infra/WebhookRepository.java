package com.kakehashi.webhook.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.webhook.domain.Delivery;
import com.kakehashi.webhook.domain.EventType;
import com.kakehashi.webhook.domain.SecretCipher.Sealed;
import com.kakehashi.webhook.domain.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, the event outbox and deliveries, in set-based SQL; rows are read by column name. */
@ApplicationScoped
public class WebhookRepository {
    private static final String DELIVERY_COLUMNS =
            "d.id, d.event_id, d.subscription_id, e.type, d.resource_id, d.status,"
                    + " d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at";
    private static final String SUBSCRIPTION_COLUMNS = "id, owner, owner_role, url, events, status, created_at";

    @Inject
    EntityManager em;

    /** Stores a subscription with its secret sealed; the plaintext secret is never written. */
    public void insertSubscription(
            UUID id,
            String owner,
            String role,
            String alias,
            String url,
            List<EventType> events,
            Sealed secret,
            Instant now) {
        em.createNativeQuery("""
                insert into webhook_subscription (id, owner, owner_role, alias, url, events, secret_ciphertext, secret_nonce,
                    secret_key_version, status, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'ACTIVE', ?10)""")
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, role)
                .setParameter(4, alias)
                .setParameter(5, url)
                .setParameter(6, eventList(events))
                .setParameter(7, secret.ciphertext())
                .setParameter(8, secret.nonce())
                .setParameter(9, secret.keyVersion())
                .setParameter(10, now)
                .executeUpdate();
    }

    /** Who an active subscription delivers to: its owner, the alias it also receives for, the owner's role. */
    public record Subscriber(String owner, String alias, String ownerRole) {}

    public List<Subscriber> activeSubscribers() {
        return SqlRow.list(
                SqlRow.query(em, "select owner, alias, owner_role from webhook_subscription where status = 'ACTIVE'"),
                r -> new Subscriber(r.string("owner"), r.string("alias"), r.string("owner_role")));
    }

    /** A secret still stored in plain text (written before V12_1), to be sealed. */
    public record PlaintextSecret(UUID id, String secret) {}

    public List<PlaintextSecret> plaintextSecrets(int limit) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        "select id, secret from webhook_subscription where secret is not null"
                                + " order by id limit ?1 for update skip locked",
                        limit),
                r -> new PlaintextSecret(r.uuid("id"), r.string("secret")));
    }

    /** A sealed secret and the subscription it belongs to (the associated data it was sealed with). */
    public record SealedSecret(UUID id, Sealed sealed) {}

    /**
     * Active subscriptions' secrets sealed under a key other than {@code currentVersion}, to be sealed again under the
     * current key (a deleted subscription never signs again, so its secret may stay under a retired key).
     */
    public List<SealedSecret> sealedUnderOtherKeys(int currentVersion, int limit) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        "select id, secret_key_version, secret_nonce, secret_ciphertext"
                                + " from webhook_subscription where secret_key_version <> ?1 and status = 'ACTIVE'"
                                + " order by id limit ?2 for update skip locked",
                        currentVersion,
                        limit),
                r -> new SealedSecret(r.uuid("id"), sealed(r)));
    }

    /** Replaces the subscription's secret by its sealed form and forgets the plaintext. */
    public void storeSealed(UUID id, Sealed secret) {
        em.createNativeQuery("""
                update webhook_subscription set secret_ciphertext = ?2, secret_nonce = ?3, secret_key_version = ?4,
                    secret = null where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, secret.ciphertext())
                .setParameter(3, secret.nonce())
                .setParameter(4, secret.keyVersion())
                .executeUpdate();
    }

    public Optional<Subscription> subscription(UUID id) {
        return subscriptions("where id = ?1 and status = 'ACTIVE'", id).stream().findFirst();
    }

    public List<Subscription> subscriptionsOf(String owner) {
        return subscriptions("where owner = ?1 and status = 'ACTIVE' order by created_at, id", owner);
    }

    /** Deletes (deactivates) the subscription; its pending deliveries die with it. */
    public boolean deactivate(UUID id) {
        em.createNativeQuery("update webhook_delivery set status = 'DEAD', last_error = 'subscription deleted'"
                        + " where subscription_id = ?1 and status = 'PENDING'")
                .setParameter(1, id)
                .executeUpdate();
        return em.createNativeQuery(
                                "update webhook_subscription set status = 'DELETED' where id = ?1 and status = 'ACTIVE'")
                        .setParameter(1, id)
                        .executeUpdate()
                == 1;
    }

    /**
     * Writes the event and one delivery per active subscription that wants it, in one statement; nothing at all
     * when nobody subscribes. Operators' subscriptions receive every event when {@code operators} is true.
     */
    public void emit(
            UUID eventId,
            EventType type,
            String resourceId,
            String body,
            List<String> audience,
            boolean operators,
            Instant now) {
        em.createNativeQuery("""
                with subscribers as (
                    select id from webhook_subscription
                    where status = 'ACTIVE' and position(?2 in events) > 0
                      and (owner = any(string_to_array(?4, ',')) or alias = any(string_to_array(?4, ','))
                           or (?5 and owner_role = 'operator'))),
                event as (
                    insert into webhook_event (id, type, resource_id, body, created_at)
                    select ?1, ?3, ?6, ?7, ?8 where exists (select 1 from subscribers)
                    returning id, seq)
                insert into webhook_delivery (id, seq, event_id, subscription_id, resource_id, status, next_attempt_at,
                    created_at)
                select gen_random_uuid(), event.seq, event.id, subscribers.id, ?6, 'PENDING', ?8, ?8
                from event cross join subscribers""")
                .setParameter(1, eventId)
                .setParameter(2, "," + type.wireName() + ",")
                .setParameter(3, type.wireName())
                .setParameter(4, String.join(",", audience))
                .setParameter(5, operators)
                .setParameter(6, resourceId)
                .setParameter(7, body)
                .setParameter(8, now)
                .executeUpdate();
    }

    /** A claimed delivery with what sending it needs. */
    public record Claimed(
            UUID id,
            UUID eventId,
            UUID subscriptionId,
            String url,
            Sealed secret,
            String body,
            int attempts,
            Instant eventCreatedAt,
            String type) {}

    /**
     * Leases up to {@code limit} due deliveries, each the oldest pending one of its subscription and resource, so a
     * resource's events go out in order. SKIP LOCKED lets several workers share the table; an expired lease (a
     * worker that died between claim and send) makes the delivery claimable again.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return SqlRow.list(
                SqlRow.query(em, """
                with due as (
                    select d.id from webhook_delivery d
                    where d.status = 'PENDING' and d.next_attempt_at <= ?1 and (d.lease_until is null or d.lease_until <= ?1)
                      and not exists (select 1 from webhook_delivery p where p.subscription_id = d.subscription_id
                          and p.resource_id = d.resource_id and p.status = 'PENDING' and p.seq < d.seq)
                    order by d.seq limit ?3 for update skip locked)
                update webhook_delivery d set lease_until = ?2, attempts = d.attempts + 1
                from due, webhook_subscription s, webhook_event e
                where d.id = due.id and s.id = d.subscription_id and e.id = d.event_id
                returning d.id, d.event_id, d.subscription_id, s.url, s.secret_key_version, s.secret_nonce,
                    s.secret_ciphertext, e.body, d.attempts, e.created_at, e.type""", now, leaseUntil, limit),
                r -> new Claimed(
                        r.uuid("id"),
                        r.uuid("event_id"),
                        r.uuid("subscription_id"),
                        r.string("url"),
                        sealed(r),
                        r.string("body"),
                        r.intValue("attempts"),
                        r.instant("created_at"),
                        r.string("type")));
    }

    public void markDelivered(UUID id, int httpStatus, Instant now) {
        em.createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', delivered_at = ?3, last_status = ?2, last_error = null,
                    lease_until = null where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id)
                .setParameter(2, httpStatus)
                .setParameter(3, now)
                .executeUpdate();
    }

    public void markFailed(UUID id, Integer httpStatus, String error, Optional<Instant> nextAttempt) {
        em.createNativeQuery("""
                update webhook_delivery set status = ?4, next_attempt_at = coalesce(?5, next_attempt_at),
                    last_status = ?2, last_error = ?3, lease_until = null where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id)
                .setParameter(2, httpStatus)
                .setParameter(3, error)
                .setParameter(4, nextAttempt.isPresent() ? "PENDING" : "DEAD")
                .setParameter(5, nextAttempt.orElse(null))
                .executeUpdate();
    }

    /** Sends the delivery again: pending and due now, whatever it was. */
    public boolean replay(UUID subscriptionId, UUID deliveryId, Instant now) {
        return em.createNativeQuery("""
                update webhook_delivery set status = 'PENDING', next_attempt_at = ?3, lease_until = null, delivered_at = null
                where id = ?2 and subscription_id = ?1""")
                        .setParameter(1, subscriptionId)
                        .setParameter(2, deliveryId)
                        .setParameter(3, now)
                        .executeUpdate()
                == 1;
    }

    public List<Delivery> deliveries(UUID subscriptionId, int offset, int limit) {
        return deliveries(
                "where d.subscription_id = ?1 order by d.seq desc offset " + offset + " limit " + limit,
                subscriptionId);
    }

    public Optional<Delivery> delivery(UUID subscriptionId, UUID deliveryId) {
        return deliveries("where d.subscription_id = ?1 and d.id = ?2", subscriptionId, deliveryId).stream()
                .findFirst();
    }

    private List<Delivery> deliveries(String where, Object... params) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        "select " + DELIVERY_COLUMNS
                                + " from webhook_delivery d join webhook_event e on e.id = d.event_id " + where,
                        params),
                r -> new Delivery(
                        r.uuid("id"),
                        r.uuid("event_id"),
                        r.uuid("subscription_id"),
                        r.string("type"),
                        r.string("resource_id"),
                        Delivery.Status.valueOf(r.string("status")),
                        r.intValue("attempts"),
                        r.instant("next_attempt_at"),
                        r.intOrNull("last_status"),
                        r.string("last_error"),
                        r.instant("created_at"),
                        r.instant("delivered_at")));
    }

    private List<Subscription> subscriptions(String where, Object param) {
        return SqlRow.list(
                SqlRow.query(em, "select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription " + where, param),
                r -> new Subscription(
                        r.uuid("id"),
                        r.string("owner"),
                        r.string("owner_role"),
                        r.string("url"),
                        events(r.string("events")),
                        r.string("status"),
                        r.instant("created_at")));
    }

    private static List<EventType> events(String stored) {
        return Arrays.stream(stored.split(","))
                .filter(s -> !s.isEmpty())
                .map(s -> EventType.byWireName(s).orElseThrow())
                .toList();
    }

    /** The sealed secret of a row; a row still holding plain text (before start-up sealed it) has none yet. */
    private static Sealed sealed(SqlRow r) {
        Integer version = r.intOrNull("secret_key_version");
        if (version == null) {
            throw new IllegalStateException(
                    "a webhook secret is not sealed yet (start-up seals them; see docs/webhooks.md)");
        }
        return new Sealed(version, r.bytes("secret_nonce"), r.bytes("secret_ciphertext"));
    }

    /** Stored as ",a,b," so that one position() test finds a whole name. */
    private static String eventList(List<EventType> events) {
        StringBuilder text = new StringBuilder(",");
        events.forEach(e -> text.append(e.wireName()).append(','));
        return text.toString();
    }
}
