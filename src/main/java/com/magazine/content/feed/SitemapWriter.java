package com.magazine.content.feed;

import java.io.StringWriter;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Sitemap XML (sitemaps.org 0.9, and Google News), written with StAX, which escapes what it writes. */
final class SitemapWriter implements AutoCloseable {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;

    private SitemapWriter(String root, boolean news) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(SITEMAP_NS);
            if (news) {
                xml.writeNamespace("news", NEWS_NS);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static SitemapWriter urlset(boolean news) {
        return new SitemapWriter("urlset", news);
    }

    static SitemapWriter index() {
        return new SitemapWriter("sitemapindex", false);
    }

    SitemapWriter url(String location, Instant lastModified) {
        return entry("url", location, lastModified);
    }

    SitemapWriter sitemap(String location, Instant lastModified) {
        return entry("sitemap", location, lastModified);
    }

    /** A Google News entry: the article's page, its publication and title. */
    SitemapWriter news(String location, String publication, String language, Instant published, String title) {
        try {
            xml.writeStartElement("url");
            element("loc", location);
            xml.writeStartElement(NEWS_NS, "news");
            xml.writeStartElement(NEWS_NS, "publication");
            xml.writeStartElement(NEWS_NS, "name");
            xml.writeCharacters(publication);
            xml.writeEndElement();
            xml.writeStartElement(NEWS_NS, "language");
            xml.writeCharacters(language);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(NEWS_NS, "publication_date");
            xml.writeCharacters(published.toString());
            xml.writeEndElement();
            xml.writeStartElement(NEWS_NS, "title");
            xml.writeCharacters(title == null ? "" : title);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private SitemapWriter entry(String name, String location, Instant lastModified) {
        try {
            xml.writeStartElement(name);
            element("loc", location);
            if (lastModified != null) {
                element("lastmod", lastModified.toString());
            }
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void element(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    String finish() {
        try {
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // finish() closes; nothing is held otherwise
    }
}
