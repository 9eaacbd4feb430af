package com.kakehashi.common.xml;

import javax.xml.stream.XMLInputFactory;

/** StAX for files from outside: no DTD processing, no external or internal entities (XXE, billion laughs). */
public final class SafeXml {
    private SafeXml() {}

    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
