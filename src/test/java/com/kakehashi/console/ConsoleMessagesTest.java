package com.kakehashi.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.console.view.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word a console page shows exists in English and in Japanese. */
class ConsoleMessagesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/console");
    private static final Pattern KEY = Pattern.compile("\\{m\\.([a-z0-9_]+)");

    @Test
    void englishAndJapaneseHaveTheSameKeys() {
        assertThat(Messages.of(Messages.JAPANESE).keySet())
                .isEqualTo(Messages.of(Messages.ENGLISH).keySet());
    }

    @Test
    void everyKeyATemplateUsesIsDefinedInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(Messages.of(Messages.ENGLISH).keySet()).containsAll(used);
        assertThat(Messages.of(Messages.JAPANESE).keySet()).containsAll(used);
    }

    @Test
    void japaneseWordsAreJapanese() {
        assertThat(Messages.of(Messages.JAPANESE).get("nav_overview")).isEqualTo("概要");
        assertThat(Messages.of(Messages.ENGLISH).get("nav_overview")).isEqualTo("Overview");
    }
}
