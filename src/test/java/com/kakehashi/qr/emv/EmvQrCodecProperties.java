package com.kakehashi.qr.emv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.constraints.IntRange;

class EmvQrCodecProperties {
    StringArbitrary ans() {
        return Arbitraries.strings().withCharRange(' ', '~');
    }

    @Provide
    Arbitrary<MerchantAccountInfo> merchantAccounts() {
        Arbitrary<MerchantAccountInfo> primitive = Combinators.combine(
                Arbitraries.integers().between(2, 25).map(t -> String.format("%02d", t)),
                ans().ofMinLength(1).ofMaxLength(40)).as(MerchantAccountInfo::primitive);
        Arbitrary<MerchantAccountInfo> template = Combinators.combine(
                Arbitraries.integers().between(26, 51).map(t -> String.format("%02d", t)),
                ans().ofMinLength(1).ofMaxLength(32),
                ans().ofMinLength(1).ofMaxLength(30))
                .as((tag, guid, account) -> MerchantAccountInfo.template(tag, guid, List.of(new DataObject("01", account))));
        return Arbitraries.oneOf(primitive, template);
    }

    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 9_999_999_999L).map(n -> Long.toString(n)),
                Combinators.combine(Arbitraries.longs().between(0, 99_999_999), Arbitraries.strings().numeric()
                        .ofMaxLength(2)).as((whole, fraction) -> whole + "." + fraction));
    }

    @Provide
    Arbitrary<String> languageText() {
        // Any non-control Unicode, CJK included; lengths count characters.
        return Arbitraries.strings().withCharRange('\u00A0', '\u9FFF').ofMinLength(1).ofMaxLength(15);
    }

    /** The parts of a QR, immutable, so that jqwik may rebuild a value as often as it likes. */
    record Parts(List<MerchantAccountInfo> accounts, String mcc, String currency, String amount, String country,
            String name, String city, String altName) {
    }

    @Provide
    Arbitrary<MerchantPresentedQr> qrs() {
        // Canonical encoding orders data objects by tag, so accounts are generated in that order.
        Arbitrary<List<MerchantAccountInfo>> accounts = merchantAccounts().list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(MerchantAccountInfo::tag)
                .map(list -> list.stream().sorted(java.util.Comparator.comparing(MerchantAccountInfo::tag)).toList());
        Arbitrary<Parts> parts = Combinators.combine(accounts, Arbitraries.strings().numeric().ofLength(4),
                Arbitraries.strings().numeric().ofLength(3), amounts().injectNull(0.3),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2), ans().ofMinLength(1).ofMaxLength(25),
                ans().ofMinLength(1).ofMaxLength(15), languageText().injectNull(0.5)).as(Parts::new);
        return Combinators.combine(parts, ans().ofMinLength(1).ofMaxLength(25).injectNull(0.5))
                .as(EmvQrCodecProperties::build);
    }

    private static MerchantPresentedQr build(Parts p, String reference) {
        MerchantPresentedQr.Builder b = MerchantPresentedQr.builder()
                .pointOfInitiation(p.amount() == null ? PointOfInitiation.STATIC : PointOfInitiation.DYNAMIC)
                .merchantCategoryCode(p.mcc()).transactionCurrency(p.currency()).transactionAmount(p.amount())
                .countryCode(p.country()).merchantName(p.name()).merchantCity(p.city());
        p.accounts().forEach(b::merchantAccount);
        if (p.altName() != null) {
            b.merchantInformationLanguage(new DataObject("00", "ZH"))
                    .merchantInformationLanguage(new DataObject("01", p.altName()));
        }
        if (reference != null) {
            b.additionalData(new DataObject("05", reference));
        }
        return b.build();
    }

    @Property(tries = 500)
    void generatedThenParsedGivesBackTheSameContent(@ForAll("qrs") MerchantPresentedQr qr) {
        String payload = EmvQrCodec.encode(qr);
        MerchantPresentedQr decoded = EmvQrCodec.decode(payload);
        assertThat(decoded).usingRecursiveComparison().ignoringFields("crc").isEqualTo(qr);
        assertThat(EmvQrCodec.encode(decoded)).isEqualTo(payload);
    }

    @Property(tries = 2000)
    void arbitraryStringsNeverThrowAnythingButTheCodecsOwnError(@ForAll String input) {
        try {
            EmvQrCodec.decode(input);
        } catch (EmvQrException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Property(tries = 1000)
    void mutatedPayloadsNeverThrowAnythingButTheCodecsOwnError(@ForAll("qrs") MerchantPresentedQr qr,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll char inserted, @ForAll @IntRange(max = 2) int how) {
        String payload = EmvQrCodec.encode(qr);
        int at = where % payload.length();
        String mutated = switch (how) {
            case 0 -> payload.substring(0, at) + payload.substring(at + 1);
            case 1 -> payload.substring(0, at) + inserted + payload.substring(at);
            default -> payload.substring(0, at) + inserted + payload.substring(at + 1);
        };
        try {
            EmvQrCodec.decode(mutated);
        } catch (EmvQrException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    /**
     * CRC-16 detects every burst of up to 16 bits, so changing one ASCII character (one byte) of an ASCII
     * payload is always refused, by the structure or by the CRC. The one harmless change is the case of
     * a hexadecimal letter in the CRC itself, which the specification's readers accept.
     */
    @Property(tries = 2000)
    void anySingleCharacterChangeOfAnAsciiPayloadIsRefused(@ForAll("qrs") MerchantPresentedQr qr,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll("printable") char replacement) {
        String payload = EmvQrCodec.encode(qr);
        Assume.that(payload.chars().allMatch(c -> c < 0x80));
        int at = where % payload.length();
        char original = payload.charAt(at);
        boolean crcCaseChange = at >= payload.length() - 4 && Character.toUpperCase(replacement) == original;
        Assume.that(replacement != original && !crcCaseChange);
        String changed = payload.substring(0, at) + replacement + payload.substring(at + 1);
        try {
            EmvQrCodec.decode(changed);
            throw new AssertionError("accepted a changed payload: " + changed);
        } catch (EmvQrException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<Character> printable() {
        return Arbitraries.chars().range(' ', '~');
    }
}
