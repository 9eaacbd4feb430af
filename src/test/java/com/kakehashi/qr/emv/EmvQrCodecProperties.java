package com.kakehashi.qr.emv;

import static com.kakehashi.qr.emv.Payloads.tlv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the codec over generated QRs and payloads.
 *
 * <p>On single-character changes: CRC-16/CCITT-FALSE (generator x^16 + x^12 + x^5 + 1) detects every error
 * burst of at most 16 bits and every error of an odd number of bits. Changing one character for another whose
 * UTF-8 encoding has the same number of bytes changes only those bytes, so such a change is always refused when
 * the bits that differ lie within 16 consecutive bits (always so for two ASCII characters, or two characters of
 * U+0080-U+07FF) or are odd in number. The one accepted change of that kind is the case of a letter in the CRC
 * itself. Nothing more holds: two 3-byte characters can differ over 24 bits, and then one substitution in 65,536
 * goes unseen (two 3-byte characters, 4 bits apart over 17); the worked example of the specification has such a pair (see
 * {@link #a_three_byte_character_can_be_swapped_for_another_without_changing_the_crc()}). Characters of different
 * byte lengths are not covered by the guarantee either.
 */
class EmvQrCodecProperties {

    // ---------------------------------------------------------------- generators

    private static String twoDigits(int n) {
        return (n < 10 ? "0" : "") + n;
    }

    private static Arbitrary<String> tags(int from, int to) {
        return Arbitraries.integers().between(from, to).map(EmvQrCodecProperties::twoDigits);
    }

    private static StringArbitrary ans() {
        return Arbitraries.strings().withCharRange(' ', '~');
    }

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    /** Any Unicode character but controls (C0, DEL, C1) and surrogates: Latin, Greek, CJK, emoji, astral planes. */
    private static Arbitrary<Integer> nonControlCodePoints() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)),
                        Tuple.of(2, Arbitraries.integers().between(0xA0, 0x7FF)),
                        Tuple.of(4, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                        Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF)),
                        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)))
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    }

    /** Text of {@code min} to {@code max} characters (code points, which is what EMVCo lengths count). */
    private static Arbitrary<String> unicodeText(int min, int max) {
        return nonControlCodePoints()
                .list()
                .ofMinSize(min)
                .ofMaxSize(max)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    private static Arbitrary<MerchantAccountInfo> merchantAccounts() {
        Arbitrary<MerchantAccountInfo> primitive = Combinators.combine(
                        tags(2, 25), ans().ofMinLength(1).ofMaxLength(99))
                .as(MerchantAccountInfo::primitive);
        Arbitrary<List<DataObject>> subObjects = Combinators.combine(
                        tags(1, 99), ans().ofMinLength(1).ofMaxLength(15))
                .as(DataObject::new)
                .list()
                .ofMaxSize(3)
                .uniqueElements(DataObject::tag);
        Arbitrary<MerchantAccountInfo> template = Combinators.combine(
                        tags(26, 51), ans().ofMinLength(1).ofMaxLength(32), subObjects)
                .as(MerchantAccountInfo::template);
        return Arbitraries.oneOf(primitive, template);
    }

    /** "999", "1.0", "390.8", "98.", "0.50", up to 13 characters. */
    private static Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                digits(1, 13),
                Combinators.combine(digits(1, 10), digits(0, 2)).as((whole, fraction) -> whole + "." + fraction));
    }

    record Fee(String indicator, String fixed, String percentage) {}

    private static Arbitrary<Fee> fees() {
        Arbitrary<String> percentages = Combinators.combine(
                        Arbitraries.integers().between(0, 99), digits(0, 2))
                .as((whole, fraction) -> whole + (fraction.isEmpty() ? "" : "." + fraction))
                .filter(p -> !p.replace(".", "").chars().allMatch(c -> c == '0'));
        return Arbitraries.oneOf(
                Arbitraries.just(new Fee(null, null, null)),
                Arbitraries.just(new Fee("01", null, null)),
                amounts().map(a -> new Fee("02", a, null)),
                percentages.map(p -> new Fee("03", null, p)));
    }

    record Head(String formatIndicator, PointOfInitiation initiation, List<MerchantAccountInfo> accounts) {}

    record Money(String categoryCode, String currency, String amount, Fee fee) {}

    record Place(String country, String name, String city, String postalCode) {}

    record Extras(List<DataObject> additionalData, List<DataObject> language, List<DataObject> otherTags) {}

    private static Arbitrary<List<DataObject>> additionalData() {
        Arbitrary<DataObject> named = Combinators.combine(
                        tags(1, 9), ans().ofMinLength(1).ofMaxLength(25))
                .as(DataObject::new);
        Arbitrary<DataObject> other =
                Combinators.combine(tags(10, 99), unicodeText(1, 15)).as(DataObject::new);
        return Arbitraries.oneOf(named, other).list().ofMaxSize(3).uniqueElements(DataObject::tag);
    }

    private static Arbitrary<List<DataObject>> languageTemplates() {
        Arbitrary<List<DataObject>> present = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('A', 'Z')
                                .ofLength(2),
                        unicodeText(1, 25),
                        unicodeText(1, 15).injectNull(0.5))
                .as((language, name, city) -> {
                    List<DataObject> objects =
                            new ArrayList<>(List.of(new DataObject("00", language), new DataObject("01", name)));
                    if (city != null) {
                        objects.add(new DataObject("02", city));
                    }
                    return List.copyOf(objects);
                });
        return Arbitraries.oneOf(Arbitraries.just(List.of()), present);
    }

    private static Arbitrary<List<DataObject>> otherTags() {
        Arbitrary<DataObject> rfu =
                Combinators.combine(tags(65, 79), unicodeText(1, 30)).as(DataObject::new);
        Arbitrary<DataObject> unreserved = Combinators.combine(
                        tags(80, 99), ans().ofMinLength(1).ofMaxLength(30))
                .as((tag, id) -> new DataObject(tag, tlv("00", id)));
        return Arbitraries.oneOf(rfu, unreserved)
                .list()
                .ofMaxSize(3)
                .uniqueElements(DataObject::tag)
                .map(list -> list.stream()
                        .sorted(Comparator.comparing(DataObject::tag))
                        .toList());
    }

    @Provide
    Arbitrary<MerchantPresentedQr> qrs() {
        // Canonical encoding orders data objects by tag, so accounts and other tags are generated in that order.
        Arbitrary<Head> head = Combinators.combine(
                        Arbitraries.of("01", "02"),
                        Arbitraries.of(PointOfInitiation.values()).injectNull(0.3),
                        merchantAccounts()
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .uniqueElements(MerchantAccountInfo::tag)
                                .map(list -> list.stream()
                                        .sorted(Comparator.comparing(MerchantAccountInfo::tag))
                                        .toList()))
                .as(Head::new);
        Arbitrary<Money> money = Combinators.combine(
                        digits(4, 4), digits(3, 3), amounts().injectNull(0.3), fees())
                .as(Money::new);
        Arbitrary<Place> place = Combinators.combine(
                        Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                        ans().ofMinLength(1).ofMaxLength(25),
                        ans().ofMinLength(1).ofMaxLength(15),
                        ans().ofMinLength(1).ofMaxLength(10).injectNull(0.7))
                .as(Place::new);
        Arbitrary<Extras> extras = Combinators.combine(additionalData(), languageTemplates(), otherTags())
                .as(Extras::new);
        return Combinators.combine(head, money, place, extras).as(EmvQrCodecProperties::build);
    }

    private static MerchantPresentedQr build(Head head, Money money, Place place, Extras extras) {
        MerchantPresentedQr.Builder b = MerchantPresentedQr.builder()
                .payloadFormatIndicator(head.formatIndicator())
                .pointOfInitiation(head.initiation())
                .merchantCategoryCode(money.categoryCode())
                .transactionCurrency(money.currency())
                .transactionAmount(money.amount())
                .tipOrConvenienceIndicator(money.fee().indicator())
                .convenienceFeeFixed(money.fee().fixed())
                .convenienceFeePercentage(money.fee().percentage())
                .countryCode(place.country())
                .merchantName(place.name())
                .merchantCity(place.city())
                .postalCode(place.postalCode());
        head.accounts().forEach(b::merchantAccount);
        extras.additionalData().forEach(b::additionalData);
        extras.language().forEach(b::merchantInformationLanguage);
        extras.otherTags().forEach(b::otherTag);
        return b.build();
    }

    // ---------------------------------------------------------------- (a) round trip

    @Property(tries = 1000)
    void aGeneratedQrComesBackFromEncodingAndDecodingWithTheSameContent(@ForAll("qrs") MerchantPresentedQr qr) {
        String payload = EmvQrCodec.encode(qr);
        MerchantPresentedQr decoded = EmvQrCodec.decode(payload);

        assertThat(decoded).usingRecursiveComparison().ignoringFields("crc").isEqualTo(qr);
        assertThat(payload)
                .as("CRC agrees with the independent implementation")
                .isEqualTo(Payloads.withCrc(payload.substring(0, payload.length() - 8)));
        assertThat(decoded.crc()).isEqualTo(payload.substring(payload.length() - 4));
        assertThat(EmvQrCodec.encode(decoded)).isEqualTo(payload);
    }

    // ---------------------------------------------------------------- (b) nothing but EmvQrException

    /**
     * Calls the decoder behind {@link EmvQrCodec#decode}'s safety net, which would turn any other exception into
     * an EmvQrException: here a defect would show as what it is. Positions stay inside the payload.
     */
    private static void decodesOrRefusesCleanly(String input) {
        try {
            MpmDecoder.decode(input);
        } catch (EmvQrException refusal) {
            assertThat(refusal.reason()).isNotNull();
            assertThat(refusal.position()).as(refusal.getMessage()).isBetween(-1, input.length() - 1);
        }
    }

    @Property(tries = 3000)
    void arbitraryStringsAreDecodedOrRefusedWithAnEmvQrExceptionOnly(@ForAll String input) {
        decodesOrRefusesCleanly(input);
    }

    @Provide
    Arbitrary<String> payloadLikeNoise() {
        Arbitrary<String> values = Arbitraries.oneOf(
                ans().ofMinLength(1).ofMaxLength(20),
                unicodeText(1, 10),
                Arbitraries.strings().withChars("0123456789.-").ofMinLength(1).ofMaxLength(14),
                Combinators.combine(tags(0, 99), ans().ofMinLength(1).ofMaxLength(10))
                        .as(Payloads::tlv),
                Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> objects = Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(tags(0, 99), values).as(Payloads::tlv)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(6)),
                Tuple.of(
                        1,
                        Combinators.combine(tags(0, 99), digits(2, 2), values).as((t, l, v) -> t + l + v)));
        return Combinators.combine(
                        objects.list().ofMaxSize(14), Arbitraries.integers().between(0, 3))
                .as((list, shape) -> {
                    String body = String.join("", list);
                    return switch (shape) {
                        case 0 -> body;
                        case 1 -> Payloads.withCrc(body);
                        default -> Payloads.withCrc("000201" + body);
                    };
                });
    }

    @Property(tries = 3000)
    void payloadLikeNoiseWithAValidCrcIsDecodedOrRefusedWithAnEmvQrExceptionOnly(
            @ForAll("payloadLikeNoise") String input) {
        decodesOrRefusesCleanly(input);
    }

    @Property(tries = 2000)
    void mutatedPayloadsAreDecodedOrRefusedWithAnEmvQrExceptionOnly(
            @ForAll("qrs") MerchantPresentedQr qr,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll char character,
            @ForAll @IntRange(max = 4) int how) {
        String payload = EmvQrCodec.encode(qr);
        int at = where % payload.length();
        String mutated = switch (how) {
            case 0 -> payload.substring(0, at) + payload.substring(at + 1); // delete
            case 1 -> payload.substring(0, at) + character + payload.substring(at); // insert
            case 2 -> payload.substring(0, at) + character + payload.substring(at + 1); // flip
            case 3 -> payload.substring(0, at); // cut
            default ->
                at + 1 < payload.length() // swap two neighbours
                        ? payload.substring(0, at)
                                + payload.charAt(at + 1)
                                + payload.charAt(at)
                                + payload.substring(at + 2)
                        : payload;
        };
        decodesOrRefusesCleanly(mutated);
    }

    // ---------------------------------------------------------------- (c) single-character changes

    private static int nthCodePointIndex(String payload, int where, boolean preferNonAscii) {
        List<Integer> all = new ArrayList<>();
        List<Integer> nonAscii = new ArrayList<>();
        for (int i = 0; i < payload.length(); i += Character.charCount(payload.codePointAt(i))) {
            all.add(i);
            if (payload.codePointAt(i) >= 0x80) {
                nonAscii.add(i);
            }
        }
        List<Integer> from = preferNonAscii && !nonAscii.isEmpty() ? nonAscii : all;
        return from.get(where % from.size());
    }

    private static String substitute(String payload, int index, int codePoint) {
        int end = index + Character.charCount(payload.codePointAt(index));
        return payload.substring(0, index) + Character.toString(codePoint) + payload.substring(end);
    }

    private static boolean onlyTheCaseOfACrcLetter(String payload, int index, int replacement) {
        return index >= payload.length() - 4
                && replacement < 0x80
                && Character.toUpperCase((char) replacement) == payload.charAt(index);
    }

    private static void assertRefused(String changed) {
        try {
            EmvQrCodec.decode(changed);
            fail("accepted a changed payload: " + changed);
        } catch (EmvQrException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    private static byte[] utf8(int codePoint) {
        return Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
    }

    /** Distance from the first to the last differing bit, both included; 0 when equal. Same lengths only. */
    static int differingBitSpan(byte[] a, byte[] b) {
        int first = -1;
        int last = -1;
        for (int bit = 0; bit < a.length * 8; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                first = first < 0 ? bit : first;
                last = bit;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    static int differingBits(byte[] a, byte[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += Integer.bitCount((a[i] ^ b[i]) & 0xFF);
        }
        return count;
    }

    /** The substitutions must reach characters of every UTF-8 length, not only the ASCII that dominates a payload. */
    private static void coversEveryUtf8Length(int bytes) {
        Statistics.label("UTF-8 bytes of the changed character").collect(bytes);
        Statistics.label("UTF-8 bytes of the changed character").coverage(coverage -> {
            for (int length = 1; length <= 4; length++) {
                coverage.check(length).percentage(p -> p >= 1);
            }
        });
    }

    @Property(tries = 2000)
    void changingOneAsciiCharacterForAnotherIsAlwaysRefused(
            @ForAll("qrs") MerchantPresentedQr qr,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll("printableAscii") char replacement) {
        String payload = EmvQrCodec.encode(qr);
        int at = nthCodePointIndex(payload, where, false);
        char original = payload.charAt(at);
        Assume.that(original < 0x80 && replacement != original && !onlyTheCaseOfACrcLetter(payload, at, replacement));
        assertRefused(payload.substring(0, at) + replacement + payload.substring(at + 1));
    }

    @Provide
    Arbitrary<Character> printableAscii() {
        return Arbitraries.chars().range(' ', '~');
    }

    /**
     * The replacement keeps the UTF-8 length and varies bits inside one 16-bit window: any ASCII character; any
     * character of U+0080-U+07FF (2 bytes, 16 bits); for 3 and 4 bytes, one aligned pair of bytes.
     */
    @Property(tries = 3000)
    void aSameLengthSubstitutionWithin16BitsIsAlwaysRefused(
            @ForAll("qrs") MerchantPresentedQr qr,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll boolean preferNonAscii,
            @ForAll @IntRange(min = 0, max = 0xFFF) int bits,
            @ForAll boolean higherPair) {
        String payload = EmvQrCodec.encode(qr);
        int at = nthCodePointIndex(payload, where, preferNonAscii);
        int original = payload.codePointAt(at);
        int replacement = switch (utf8(original).length) {
            case 1 -> bits & 0x7F;
            case 2 -> bits & 0x7FF;
            case 3 -> higherPair ? (original & 0x3F) | ((bits & 0x3FF) << 6) : (original & 0xF000) | bits;
            default -> higherPair ? (original & ~0x3FFC0) | (bits << 6) : (original & ~0xFFF) | bits;
        };
        Assume.that(replacement != original
                && replacement <= Character.MAX_CODE_POINT
                && (replacement < Character.MIN_SURROGATE || replacement > Character.MAX_SURROGATE)
                && utf8(replacement).length == utf8(original).length
                && !onlyTheCaseOfACrcLetter(payload, at, replacement));
        assertThat(differingBitSpan(utf8(original), utf8(replacement))).isBetween(1, 16);
        assertRefused(substitute(payload, at, replacement));
        coversEveryUtf8Length(utf8(original).length);
    }

    @Property(tries = 3000)
    void aSameLengthSubstitutionOfAnOddNumberOfBitsIsAlwaysRefused(
            @ForAll("qrs") MerchantPresentedQr qr,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll boolean preferNonAscii,
            @ForAll @IntRange(min = 1, max = 0x1FFFFF) int flips) {
        String payload = EmvQrCodec.encode(qr);
        int at = nthCodePointIndex(payload, where, preferNonAscii);
        int original = payload.codePointAt(at);
        int[] payloadBits = {0, 0x7F, 0x7FF, 0xFFFF, 0x1FFFFF}; // the code point bits a UTF-8 sequence carries
        int mask = flips & payloadBits[utf8(original).length];
        int replacement = original ^ mask;
        Assume.that(Integer.bitCount(mask) % 2 == 1
                && replacement <= Character.MAX_CODE_POINT
                && (replacement < Character.MIN_SURROGATE || replacement > Character.MAX_SURROGATE)
                && utf8(replacement).length == utf8(original).length
                && !onlyTheCaseOfACrcLetter(payload, at, replacement));
        assertThat(differingBits(utf8(original), utf8(replacement)) % 2).isEqualTo(1);
        assertRefused(substitute(payload, at, replacement));
        coversEveryUtf8Length(utf8(original).length);
    }

    /** Why the guarantee stops at 16 bits: 京 (E4 BA AC) and 媍 (E5 AA 8D) differ in 4 bits spread over 17. */
    @Example
    void aThreeByteCharacterCanBeSwappedForAnotherWithoutChangingTheCrc() {
        String changed = Payloads.EMVCO_EXAMPLE.replace("0202北京", "0202北媍");
        assertThat(changed).isNotEqualTo(Payloads.EMVCO_EXAMPLE);
        assertThat(differingBitSpan(utf8('京'), utf8('媍'))).isEqualTo(17);
        assertThat(differingBits(utf8('京'), utf8('媍'))).isEqualTo(4);

        MerchantPresentedQr qr = EmvQrCodec.decode(changed);
        assertThat(qr.crc()).isEqualTo("A13A");
        assertThat(qr.merchantInformationLanguage()).contains(new DataObject("02", "北媍"));
    }
}
