package com.kakehashi.webhook.infra;

import com.kakehashi.common.sql.SqlValues;
import com.kakehashi.webhook.domain.Delivery;
import com.kakehashi.webhook.domain.EventType;
import com.kakehashi.webhook.domain.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, the event outbox and deliveries, in set-based SQL. */
@ApplicationScoped
public class WebhookRepository {
    private static final String DELIVERY_COLUMNS = "d.id, d.event_id, d.subscription_id, e.type, d.resource_id, d.status,"
            + " d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at";

    @Inject
    EntityManager em;

    public void insertSubscription(UUID id, String owner, String role, String alias, String url, List<EventType> events,
            String secret, Instant now) {
        em.createNativeQuery("""
                insert into webhook_subscription (id, owner, owner_role, alias, url, events, secret, status, created_at)
                values (?1, ?2, ?3, ?8, ?4, ?5, ?6, 'ACTIVE', ?7)""")
                .setParameter(1, id).setParameter(2, owner).setParameter(3, role).setParameter(4, url)
                .setParameter(5, eventList(events)).setParameter(6, secret).setParameter(7, now).setParameter(8, alias).executeUpdate();
    }

    /** owner, alias, owner_role of every active subscription. */
    @SuppressWarnings("unchecked")
    public List<Object[]> activeSubscribers() {
        return em.createNativeQuery("select owner, alias, owner_role from webhook_subscription where status = 'ACTIVE'",
                Object[].class).getResultList();
    }

    public Optional<Subscription> subscription(UUID id) {
        return subscriptions("where id = ?1 and status = 'ACTIVE'", id).stream().findFirst();
    }

    public List<Subscription> subscriptionsOf(String owner) {
        return subscriptions("where owner = ?1 and status = 'ACTIVE' order by created_at, id", owner);
    }

    @SuppressWarnings("unchecked") // a native query's rows are untyped; each is cast where it is read
    public Optional<String> secret(UUID subscriptionId) {
        return em.createNativeQuery("select secret from webhook_subscription where id = ?1", String.class)
                .setParameter(1, subscriptionId).getResultList().stream().findFirst().map(String.class::cast);
    }

    /** Deletes (deactivates) the subscription; its pending deliveries die with it. */
    public boolean deactivate(UUID id) {
        em.createNativeQuery("update webhook_delivery set status = 'DEAD', last_error = 'subscription deleted'"
                + " where subscription_id = ?1 and status = 'PENDING'").setParameter(1, id).executeUpdate();
        return em.createNativeQuery("update webhook_subscription set status = 'DELETED' where id = ?1 and status = 'ACTIVE'")
                .setParameter(1, id).executeUpdate() == 1;
    }

    /**
     * Writes the event and one delivery per active subscription that wants it, in one statement; nothing at all
     * when nobody subscribes. Operators' subscriptions receive every event when {@code operators} is true.
     */
    public void emit(UUID eventId, EventType type, String resourceId, String body, List<String> audience, boolean operators,
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
                .setParameter(1, eventId).setParameter(2, "," + type.wireName() + ",").setParameter(3, type.wireName())
                .setParameter(4, String.join(",", audience)).setParameter(5, operators).setParameter(6, resourceId)
                .setParameter(7, body).setParameter(8, now).executeUpdate();
    }

    /** A claimed delivery with what sending it needs. */
    public record Claimed(UUID id, UUID eventId, UUID subscriptionId, String url, String secret, String body,
            int attempts, Instant eventCreatedAt, String type) {
    }

    /**
     * Leases up to {@code limit} due deliveries, each the oldest pending one of its subscription and resource, so a
     * resource's events go out in order. SKIP LOCKED lets several workers share the table; an expired lease (a
     * worker that died between claim and send) makes the delivery claimable again.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<?> rows = em.createNativeQuery("""
                with due as (
                    select d.id from webhook_delivery d
                    where d.status = 'PENDING' and d.next_attempt_at <= ?1 and (d.lease_until is null or d.lease_until <= ?1)
                      and not exists (select 1 from webhook_delivery p where p.subscription_id = d.subscription_id
                          and p.resource_id = d.resource_id and p.status = 'PENDING' and p.seq < d.seq)
                    order by d.seq limit ?3 for update skip locked)
                update webhook_delivery d set lease_until = ?2, attempts = d.attempts + 1
                from due, webhook_subscription s, webhook_event e
                where d.id = due.id and s.id = d.subscription_id and e.id = d.event_id
                returning d.id, d.event_id, d.subscription_id, s.url, s.secret, e.body, d.attempts, e.created_at, e.type""",
                Object[].class).setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Claimed((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5],
                    ((Number) r[6]).intValue(), SqlValues.instant(r[7]), (String) r[8]);
        }).toList();
    }

    public void markDelivered(UUID id, int httpStatus, Instant now) {
        em.createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', delivered_at = ?3, last_status = ?2, last_error = null,
                    lease_until = null where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, httpStatus).setParameter(3, now).executeUpdate();
    }

    public void markFailed(UUID id, Integer httpStatus, String error, Optional<Instant> nextAttempt) {
        em.createNativeQuery("""
                update webhook_delivery set status = ?4, next_attempt_at = coalesce(?5, next_attempt_at),
                    last_status = ?2, last_error = ?3, lease_until = null where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, httpStatus).setParameter(3, error)
                .setParameter(4, nextAttempt.isPresent() ? "PENDING" : "DEAD")
                .setParameter(5, nextAttempt.orElse(null)).executeUpdate();
    }

    /** Sends the delivery again: pending and due now, whatever it was. */
    public boolean replay(UUID subscriptionId, UUID deliveryId, Instant now) {
        return em.createNativeQuery("""
                update webhook_delivery set status = 'PENDING', next_attempt_at = ?3, lease_until = null, delivered_at = null
                where id = ?2 and subscription_id = ?1""")
                .setParameter(1, subscriptionId).setParameter(2, deliveryId).setParameter(3, now).executeUpdate() == 1;
    }

    public List<Delivery> deliveries(UUID subscriptionId, int offset, int limit) {
        return deliveries("where d.subscription_id = ?1 order by d.seq desc offset " + offset + " limit " + limit,
                subscriptionId);
    }

    public Optional<Delivery> delivery(UUID subscriptionId, UUID deliveryId) {
        return deliveries("where d.subscription_id = ?1 and d.id = ?2", subscriptionId, deliveryId).stream().findFirst();
    }

    @SuppressWarnings("unchecked") // a native query's rows are untyped; each is cast where it is read
    private List<Delivery> deliveries(String where, Object... params) {
        var q = em.createNativeQuery("select " + DELIVERY_COLUMNS
                + " from webhook_delivery d join webhook_event e on e.id = d.event_id " + where, Object[].class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList().stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Delivery((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                    Delivery.Status.valueOf((String) r[5]), ((Number) r[6]).intValue(), SqlValues.instant(r[7]),
                    r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9], SqlValues.instant(r[10]),
                    r[11] == null ? null : SqlValues.instant(r[11]));
        }).toList();
    }

    @SuppressWarnings("unchecked") // a native query's rows are untyped; each is cast where it is read
    private List<Subscription> subscriptions(String where, Object param) {
        return em.createNativeQuery("select id, owner, owner_role, url, events, status, created_at from webhook_subscription "
                + where, Object[].class).setParameter(1, param).getResultList().stream().map(row -> {
                    Object[] r = (Object[]) row;
                    List<EventType> events = Arrays.stream(((String) r[4]).split(",")).filter(s -> !s.isEmpty())
                            .map(s -> EventType.byWireName(s).orElseThrow()).toList();
                    return new Subscription((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], events,
                            (String) r[5], SqlValues.instant(r[6]));
                }).toList();
    }

    /** Stored as ",a,b," so that one position() test finds a whole name. */
    private static String eventList(List<EventType> events) {
        StringBuilder text = new StringBuilder(",");
        events.forEach(e -> text.append(e.wireName()).append(','));
        return text.toString();
    }
}
