package com.kakehashi.payment.domain;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.fx.domain.FxQuote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link Quote} into a URL-safe token and opens it again: {@code <key id>.<payload>.<HMAC-SHA256>}, both
 * parts base64url without padding. The MAC covers the key id and the payload, so nothing in the token can change
 * without the key. Several keys can open (rotation: the previous key still opens the quotes it sealed, which live
 * a minute); one seals. ADR 0015.
 */
public final class QuoteSeal {
    /** A token longer than this is not one of ours (a sealed quote is about 400 characters). */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte VERSION = 1;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String sealingKeyId;
    private final Map<String, Mac> macs;

    /** The key id that seals, and every key (by id) that may open; each key at least 32 bytes. */
    public QuoteSeal(String sealingKeyId, Map<String, byte[]> keys) {
        if (!keys.containsKey(sealingKeyId)) {
            throw new IllegalArgumentException("no key with the sealing key id " + sealingKeyId);
        }
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a quote key id is 1-16 of [A-Za-z0-9_-], not '" + id + "'");
            }
            if (key.length < 32) {
                throw new IllegalArgumentException("quote key " + id + " is shorter than 32 bytes");
            }
        });
        this.sealingKeyId = sealingKeyId;
        this.macs = Map.copyOf(keys.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> mac(e.getValue()))));
    }

    /** What opening a token found: the quote it carries, or that it is not a quote this service sealed. */
    public sealed interface Opened {
        record Valid(Quote quote) implements Opened {}

        record Invalid(String reason) implements Opened {}
    }

    public String seal(Quote quote) {
        String signed = sealingKeyId + "." + ENCODER.encodeToString(encode(quote));
        return signed + "." + ENCODER.encodeToString(sign(macs.get(sealingKeyId), signed));
    }

    /** Checks the MAC (in constant time) before reading a byte of the payload. */
    public Opened open(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new Opened.Invalid("not a sealed quote");
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return new Opened.Invalid("not a sealed quote");
        }
        Mac mac = macs.get(token.substring(0, firstDot));
        if (mac == null) {
            return new Opened.Invalid("sealed with an unknown key");
        }
        String signed = token.substring(0, lastDot);
        // compared as text, so a last character with other unused low bits (same bytes) is not accepted either
        byte[] expected = ENCODER.encode(sign(mac, signed));
        if (!MessageDigest.isEqual(expected, token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return new Opened.Invalid("the signature does not match");
        }
        try {
            return new Opened.Valid(decode(DECODER.decode(token.substring(firstDot + 1, lastDot))));
        } catch (IOException | RuntimeException unreadable) {
            return new Opened.Invalid("the sealed quote cannot be read");
        }
    }

    private static byte[] encode(Quote q) {
        FxQuote p = q.pricing();
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeUuid(out, q.id());
            writeUuid(out, q.walletId());
            out.writeUTF(q.owner());
            writeUuid(out, q.merchantId());
            out.writeLong(Amounts.toMinor(p.price()));
            out.writeUTF(p.price().getCurrency().getCurrencyCode());
            out.writeLong(Amounts.toMinor(p.charge()));
            out.writeUTF(p.charge().getCurrency().getCurrencyCode());
            out.writeLong(Amounts.toMinor(p.fee()));
            out.writeUTF(p.midRate().toPlainString());
            out.writeUTF(p.customerRate().toPlainString());
            out.writeInt(p.spreadBps());
            out.writeUTF(p.rateSource());
            writeInstant(out, p.rateTime());
            out.writeUTF(p.ratePath());
            writeInstant(out, q.createdAt());
            writeInstant(out, q.expiresAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static Quote decode(byte[] payload) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(payload));
        if (in.readByte() != VERSION) {
            throw new IOException("unknown quote version");
        }
        UUID id = readUuid(in);
        UUID walletId = readUuid(in);
        String owner = in.readUTF();
        UUID merchantId = readUuid(in);
        var price = Amounts.fromMinor(in.readLong(), in.readUTF());
        long chargeMinor = in.readLong();
        String chargeCurrency = in.readUTF();
        var charge = Amounts.fromMinor(chargeMinor, chargeCurrency);
        var fee = Amounts.fromMinor(in.readLong(), chargeCurrency);
        var pricing = new FxQuote(
                price,
                charge,
                new BigDecimal(in.readUTF()),
                new BigDecimal(in.readUTF()),
                in.readInt(),
                fee,
                in.readUTF(),
                readInstant(in),
                in.readUTF());
        Quote quote = new Quote(id, walletId, owner, merchantId, pricing, readInstant(in), readInstant(in));
        if (in.available() != 0) {
            throw new IOException("trailing bytes after the quote");
        }
        return quote;
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** A clone of the key's initialised MAC per call: Mac is not thread-safe, and cloning skips the key setup. */
    private static byte[] sign(Mac prototype, String signed) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " cannot be cloned", e);
        }
        return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "QuoteSeal[sealing key " + sealingKeyId + ", " + macs.size() + " key(s)]";
    }

    /** Equal owners, compared in constant time (the owner comes from a verified token and the caller's JWT). */
    public static boolean sameOwner(String a, String b) {
        return MessageDigest.isEqual(
                Objects.requireNonNull(a).getBytes(StandardCharsets.UTF_8),
                Objects.requireNonNull(b).getBytes(StandardCharsets.UTF_8));
    }
}
