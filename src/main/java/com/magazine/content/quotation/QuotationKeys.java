package com.magazine.content.quotation;

import com.magazine.content.common.http.SurrogateKey;
import java.util.Set;
import java.util.UUID;

/**
 * The surrogate keys of quotations, for reads and changes alike.
 *
 * <ul>
 * <li>{@code quotation:<id>}: one quotation as anything shows it: its own read, the articles that embed it (their
 * pages, bodies in feeds, JSON-LD), an article's list of quotations. Every change of the quotation purges it.
 * <li>{@code quotations}: which quotations exist and in what order: the quotation lists and the speakers. Every
 * quotation change purges it.
 * </ul>
 */
public final class QuotationKeys {

    public static final SurrogateKey QUOTATIONS = SurrogateKey.family("quotations");

    private QuotationKeys() {
    }

    public static SurrogateKey quotation(UUID id) {
        return SurrogateKey.of("quotation", id);
    }

    static Set<SurrogateKey> changed(UUID id) {
        return Set.of(quotation(id), QUOTATIONS);
    }
}
