package com.kakehashi.payment.bench;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payment hot path under load, written for it: each flow is a quote (POST /v1/quotes, static QR
 * plus amount) and its confirmation (POST /v1/payments with a fresh Idempotency-Key), as the app does.
 *
 * <p>Usage: {@code PaymentLoadDriver seed|closed|open ...} (see bin/bench-payments). Closed loop: N clients
 * each start their next flow when the last one answered. Open loop: flows arrive at a fixed rate whatever
 * the answers, and latency counts from the intended start (no coordinated omission). Each point prints
 * one line: flows/s, p50/p99 in ms, errors, and the CPU the service and its PostgreSQL backends used.
 */
public final class PaymentLoadDriver {
    private static final String ISSUER = "https://kakehashi.example/demo";
    private static final int TICKS_PER_SECOND = 100;
    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final PrivateKey key;
    private final List<String> walletTokens = new ArrayList<>();
    private final List<String> walletIds = new ArrayList<>();
    private final List<String> qrs = new ArrayList<>();

    private PaymentLoadDriver(String base) throws Exception {
        this.base = base;
        this.key = KeyUtils.readPrivateKey("jwt/demo-private-key.pem");
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = System.getProperty("bench.url", "http://127.0.0.1:18905");
        String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/kakehashi_bench_h5");
        int wallets = Integer.getInteger("bench.wallets", 2000);
        int merchants = Integer.getInteger("bench.merchants", 100);
        PaymentLoadDriver driver = new PaymentLoadDriver(base);
        switch (mode) {
            case "seed" -> driver.seed(jdbc, wallets, merchants);
            case "closed", "open" -> {
                driver.load(jdbc, wallets);
                Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
                Duration each = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
                long servicePid = Long.getLong("bench.service.pid", 0);
                String db = jdbc.substring(jdbc.lastIndexOf('/') + 1);
                driver.closed(8, warmUp, servicePid, jdbc, db, false);
                for (String point : args[1].split(",")) {
                    int n = Integer.parseInt(point);
                    if (mode.equals("closed")) {
                        driver.closed(n, each, servicePid, jdbc, db, true);
                    } else {
                        driver.open(n, each, servicePid, jdbc, db);
                    }
                }
            }
            default -> throw new IllegalArgumentException("seed | closed 8,16 | open 250,500");
        }
    }

    // ------------------------------------------------------------------ seeding

    /** Wallets funded through a balanced TOP_UP journal each (SQL, in bulk); merchants through the API. */
    private void seed(String jdbc, int wallets, int merchants) throws Exception {
        String clearing = UUID.nameUUIDFromBytes("BANK_CLEARING:jp-funding-bank:JPY".getBytes())
                .toString();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into ledger_account (id, type, owner_ref, currency, created_at) values ('" + clearing
                    + "', 'BANK_CLEARING', 'jp-funding-bank', 'JPY', now()) on conflict do nothing");
            s.execute("""
                    insert into wallet (id, owner, currency, status, balance_minor, max_balance_minor,
                        per_payment_limit_minor, daily_limit_minor, spent_on_spend_day_minor, created_at)
                    select md5('bench-wallet-' || n)::uuid, 'bench-traveller-' || n, 'JPY', 'ACTIVE', 1000000000,
                        1000000000, 300000, 1000000000, 0, now()
                    from generate_series(1, %d) n on conflict do nothing""".formatted(wallets));
            s.execute("""
                    insert into ledger_account (id, type, owner_ref, currency, created_at)
                    select w.id, 'WALLET', w.id::text, 'JPY', now() from wallet w
                    where w.owner like 'bench-traveller-%' on conflict do nothing""");
            s.execute("""
                    insert into journal_entry (id, type, reference, created_at)
                    select md5('bench-seed-' || w.id)::uuid, 'TOP_UP', 'bench-seed-' || left(w.id::text, 8), now()
                    from wallet w where w.owner like 'bench-traveller-%' on conflict do nothing""");
            s.execute("""
                    insert into posting (id, journal_id, account_id, currency, amount_minor, created_at)
                    select gen_random_uuid(), md5('bench-seed-' || w.id)::uuid, a.account, 'JPY', a.amount, now()
                    from wallet w cross join lateral (values (w.id, 1000000000::bigint),
                        ('%s'::uuid, -1000000000::bigint)) a(account, amount)
                    where w.owner like 'bench-traveller-%%'
                      and not exists (select 1 from posting p where p.journal_id = md5('bench-seed-' || w.id)::uuid)""".formatted(clearing));
            c.commit();
        }
        String operator = "Bearer " + token("bench-operator", "operator");
        for (int i = 0; i < merchants; i++) {
            String body = "{\"name\":\"Bench Shop %d\",\"city\":\"Tokyo\",\"country\":\"JP\",\"currency\":\"JPY\","
                            .formatted(i)
                    + "\"mcc\":\"5732\",\"bankId\":\"jp-funding-bank\",\"payoutAccount\":\"BENCH-" + i + "\"}";
            HttpResponse<String> r = post("/v1/merchants", operator, null, body, Duration.ofMinutes(2));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("merchant: " + r.statusCode() + " " + r.body());
            }
            String id = field(r.body(), "id");
            HttpResponse<String> qr = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/merchants/" + id + "/qr"))
                            .header("Authorization", "Bearer " + token(id, "merchant"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Files.writeString(
                    Path.of("target/bench-qrs.txt"),
                    field(qr.body(), "payload") + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        System.out.printf("seeded %d wallets, %d merchants%n", wallets, merchants);
    }

    private void load(String jdbc, int wallets) throws Exception {
        for (int n = 1; n <= wallets; n++) {
            walletTokens.add("Bearer " + token("bench-traveller-" + n, "traveller"));
        }
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                Statement s = c.createStatement();
                var r = s.executeQuery("select id, owner from wallet where owner like 'bench-traveller-%' order by "
                        + "cast(substr(owner, 17) as int) limit " + wallets)) {
            while (r.next()) {
                walletIds.add(r.getString(1));
            }
        }
        qrs.addAll(Files.readAllLines(Path.of("target/bench-qrs.txt")).stream()
                .filter(l -> !l.isBlank())
                .toList());
    }

    private String token(String subject, String role) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(2))
                .sign(key);
    }

    // ------------------------------------------------------------------ one flow

    /** Quote then pay; true when both answered 201. */
    private boolean flow() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int w = random.nextInt(walletIds.size());
        String token = walletTokens.get(w);
        String qr = qrs.get(random.nextInt(qrs.size()));
        try {
            HttpResponse<String> quote = post(
                    "/v1/quotes",
                    token,
                    null,
                    "{\"walletId\":\"" + walletIds.get(w)
                            + "\",\"qr\":\"" + qr + "\",\"amount\":{\"amount\":\"" + (100 + random.nextInt(900))
                            + "\",\"currency\":\"JPY\"}}");
            if (quote.statusCode() != 201) {
                return false;
            }
            HttpResponse<String> pay = post(
                    "/v1/payments",
                    token,
                    UUID.randomUUID().toString(),
                    "{\"quoteToken\":\"" + field(quote.body(), "token") + "\"}");
            return pay.statusCode() == 201;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> post(String path, String bearer, String idempotencyKey, String body) throws Exception {
        return post(path, bearer, idempotencyKey, body, REQUEST_TIMEOUT);
    }

    private HttpResponse<String> post(String path, String bearer, String idempotencyKey, String body, Duration timeout)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    // ------------------------------------------------------------------ loads

    private void closed(int clients, Duration length, long servicePid, String jdbc, String db, boolean print)
            throws Exception {
        Recorder recorder = new Recorder();
        Cpu cpu = Cpu.start(servicePid, jdbc, db);
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = flow();
                    recorder.record(System.nanoTime() - start, ok);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS);
        if (print) {
            recorder.print("closed", clients + " clients", length, cpu.stop());
        }
    }

    private void open(int perSecond, Duration length, long servicePid, String jdbc, String db) throws Exception {
        Recorder recorder = new Recorder();
        Cpu cpu = Cpu.start(servicePid, jdbc, db);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long begin = System.nanoTime();
        long total = length.toSeconds() * perSecond;
        ExecutorService flows = Executors.newVirtualThreadPerTaskExecutor();
        for (long i = 0; i < total; i++) {
            long intended = begin + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            flows.submit(() -> {
                boolean ok = flow();
                recorder.record(System.nanoTime() - intended, ok);
            });
        }
        flows.shutdown();
        // a backlog is drained for at most DRAIN; flows still unanswered then count as errors
        boolean drained = flows.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        String usage = cpu.stop();
        recorder.abandon(total);
        recorder.print("open", perSecond + "/s" + (drained ? "" : " (backlog abandoned)"), elapsed, usage);
        flows.shutdownNow();
    }

    /** Latencies of finished flows (bounded: at most 4M per point) and the error count. */
    private static final class Recorder {
        private final long[] latencies = new long[4_000_000];
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong errors = new AtomicLong();

        void record(long nanos, boolean ok) {
            int i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = nanos;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
        }

        /** Flows started but never recorded count as errors (and as latency of at least the drain). */
        void abandon(long started) {
            long missing = started - count.get();
            for (long i = 0; i < missing; i++) {
                record(DRAIN.toNanos(), false);
            }
        }

        void print(String kind, String load, Duration length, String cpu) {
            int n = Math.min(count.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            double seconds = length.toNanos() / 1e9;
            long ok = n - errors.get();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT | %s | %s | %.0f | %.1f | %.1f | %d | %s |%n",
                    kind,
                    load,
                    ok / seconds,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    errors.get(),
                    cpu);
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0
                    ? 0
                    : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
        }
    }

    /** CPU seconds per second of the service process and of the bench database's PostgreSQL backends. */
    private record Cpu(long servicePid, String jdbc, String db, long startNanos, long serviceTicks, long pgTicks) {
        static Cpu start(long servicePid, String jdbc, String db) throws Exception {
            return new Cpu(servicePid, jdbc, db, System.nanoTime(), ticks(servicePid), pgTicks(jdbc, db));
        }

        String stop() throws Exception {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double service = (ticks(servicePid) - serviceTicks) / (double) TICKS_PER_SECOND / seconds;
            double pg = (pgTicks(jdbc, db) - pgTicks) / (double) TICKS_PER_SECOND / seconds;
            return String.format(Locale.ROOT, "%.2f / %.2f", service, pg);
        }

        /** Backends come and go little (a pool): the sum over those alive at each end is close enough. */
        private static long pgTicks(String jdbc, String db) throws Exception {
            long sum = 0;
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                    Statement s = c.createStatement();
                    var r = s.executeQuery("select pid from pg_stat_activity where datname = '" + db
                            + "' and pid <> pg_backend_pid()")) {
                while (r.next()) {
                    sum += ticks(r.getLong(1));
                }
            }
            return sum;
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                return 0;
            }
        }
    }
}
