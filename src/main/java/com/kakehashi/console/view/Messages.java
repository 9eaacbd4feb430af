package com.kakehashi.console.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The console's words in English and Japanese, from {@code console/messages_<lang>.properties} (UTF-8).
 * Templates read them as {@code {m.key}}; a test keeps both languages' keys equal and every key used defined.
 */
public final class Messages {
    public static final String ENGLISH = "en";
    public static final String JAPANESE = "ja";
    private static final Map<String, Map<String, String>> BY_LANGUAGE =
            Map.of(ENGLISH, load(ENGLISH), JAPANESE, load(JAPANESE));

    private Messages() {}

    public static Map<String, String> of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(ENGLISH));
    }

    static Map<String, String> load(String language) {
        String path = "console/messages_" + language + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> messages = new TreeMap<>();
            properties.forEach((k, v) -> messages.put(k.toString(), v.toString()));
            return Map.copyOf(messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
