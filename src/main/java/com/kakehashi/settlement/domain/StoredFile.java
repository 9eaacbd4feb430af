package com.kakehashi.settlement.domain;

/** A batch file as written and stored: what is delivered, and downloaded, is these bytes. */
public record StoredFile(String format, String fileName, String mediaType, byte[] content, String sha256) {}
