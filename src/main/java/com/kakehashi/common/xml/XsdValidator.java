package com.kakehashi.common.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates ISO 20022 documents against the official XSDs shipped in {@code schemas/}; no external access. */
public final class XsdValidator {
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private XsdValidator() {}

    /** @throws IllegalArgumentException naming the line and the rule broken */
    public static void validate(String schemaName, byte[] document) {
        validate(schemaName, new ByteArrayInputStream(document));
    }

    /** Streams the document through the validator: large files are not held in memory. */
    public static void validate(String schemaName, java.io.InputStream document) {
        try {
            var validator = schema(schemaName).newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(document));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            URL xsd = XsdValidator.class.getResource("/schemas/" + n + ".xsd");
            if (xsd == null) {
                throw new IllegalStateException("no schema " + n);
            }
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(xsd);
            } catch (SAXException e) {
                throw new IllegalStateException("schema " + n + " unreadable", e);
            }
        });
    }
}
