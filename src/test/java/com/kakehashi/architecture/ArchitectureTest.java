package com.kakehashi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, enforced. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kakehashi");
    private static final String ROOT = "com.kakehashi";
    /** Every top-level package under com.kakehashi except common: a new feature is covered the day it lands. */
    private static final List<String> FEATURES = featuresOf(CLASSES);

    static List<String> featuresOf(JavaClasses classes) {
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .filter(f -> !f.equals("common"))
                .distinct()
                .sorted()
                .toList();
    }

    @Test
    void theFeatureListComesFromThePackages() {
        assertThat(FEATURES)
                .contains(
                        "bank",
                        "wallet",
                        "merchant",
                        "qr",
                        "fx",
                        "payment",
                        "ledger",
                        "idempotency",
                        "settlement",
                        "reconciliation")
                .doesNotContain("common");
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..")
                .namingSlices("$1")
                .that(DescribedPredicate.describe(
                        "a feature", (Slice slice) -> !slice.getDescription().equals("common")))
                .should()
                .beFreeOfCycles()
                .because("a cycle makes two features one: neither can change or be understood alone")
                .check(CLASSES);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".common..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "a feature's class",
                        (JavaClass c) -> FEATURES.stream()
                                .anyMatch(f -> c.getPackageName().equals(ROOT + "." + f)
                                        || c.getPackageName().startsWith(ROOT + "." + f + "."))))
                .because("common is the floor every feature stands on")
                .check(CLASSES);
    }

    @Test
    void apiNeverReachesInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "infrastructure", (JavaClass c) -> c.getPackageName().endsWith(".infra")))
                .because("resources map application results to DTOs; persistence stays behind the application")
                .check(CLASSES);
    }

    @Test
    void domainCodeImportsNoFramework() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..domain..", "..qr.emv..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta.persistence..",
                        "jakarta.ws.rs..",
                        "jakarta.enterprise..",
                        "jakarta.inject..",
                        "jakarta.transaction..",
                        "io.smallrye..",
                        "org.hibernate..",
                        "com.fasterxml..");
        rule.check(CLASSES);
    }

    @Test
    void theQrCodecIsAPureJavaLibrary() {
        noClasses()
                .that()
                .resideInAPackage("..qr.emv..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("..qr.emv..", "java..")
                .check(CLASSES);
    }

    @Test
    void featuresUseEachOtherOnlyThroughApplicationAndDomain() {
        for (String feature : FEATURES) {
            noClasses()
                    .that()
                    .resideInAPackage("com.kakehashi." + feature + "..")
                    .should()
                    .dependOnClassesThat(internalsOfAnotherFeatureThan(feature))
                    .because("features talk through their application API")
                    .check(CLASSES);
        }
    }

    @Test
    void entitiesStayInInfrastructure() {
        noClasses()
                .that()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .resideOutsideOfPackage("..infra..")
                .check(CLASSES);
    }

    @Test
    void restResourcesNeverTouchInfrastructureOfTheirFeatureExceptRendering() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .because("entities never reach the wire")
                .check(CLASSES);
    }

    @Test
    void noFloatingPointAnywhereNearMoney() {
        ArchRule noFloatFields = fields().should(notBeOfType("float", "double", "java.lang.Float", "java.lang.Double"));
        noFloatFields.check(CLASSES);
        methods()
                .should(notReturnOrTake("float", "double", "java.lang.Float", "java.lang.Double"))
                .check(CLASSES);
    }

    /**
     * The console renders the API's own answers (ADR 0013: no second source of truth), so it may use another
     * feature's {@code api} DTO mappers; another feature's infra it never reads (read models live in their domain).
     */
    private static final String PRESENTATION_FEATURE = "console";

    private static DescribedPredicate<JavaClass> internalsOfAnotherFeatureThan(String feature) {
        return new DescribedPredicate<>("infra or api classes of a feature other than " + feature) {
            @Override
            public boolean test(JavaClass c) {
                String pkg = c.getPackageName();
                boolean internal =
                        pkg.endsWith(".infra") || pkg.endsWith(".api") && !feature.equals(PRESENTATION_FEATURE);
                return pkg.startsWith("com.kakehashi.")
                        && !pkg.startsWith("com.kakehashi." + feature + ".")
                        && !pkg.startsWith("com.kakehashi." + feature)
                        && internal
                        && FEATURES.stream().anyMatch(f -> pkg.startsWith("com.kakehashi." + f + "."));
            }
        };
    }

    private static ArchCondition<com.tngtech.archunit.core.domain.JavaField> notBeOfType(String... names) {
        List<String> banned = List.of(names);
        return new ArchCondition<>("not be float or double") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaField field, ConditionEvents events) {
                if (banned.contains(field.getRawType().getName())) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is floating point"));
                }
            }
        };
    }

    private static ArchCondition<com.tngtech.archunit.core.domain.JavaMethod> notReturnOrTake(String... names) {
        List<String> banned = List.of(names);
        return new ArchCondition<>("neither return nor take float or double") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                boolean floating = banned.contains(method.getRawReturnType().getName())
                        || method.getRawParameterTypes().stream().anyMatch(t -> banned.contains(t.getName()));
                if (floating) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " uses floating point"));
                }
            }
        };
    }
}
