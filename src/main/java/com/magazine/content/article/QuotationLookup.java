package com.magazine.content.article;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How articles find the quotations their quote blocks name, provided by the quotation feature (articles do not know
 * it). Until one is provided no quotation exists, and a quote block is refused.
 */
public interface QuotationLookup {

    /** The quotations with these ids, by id; unknown ids are left out. One query for the lot. */
    Map<UUID, QuotationEmbed> find(Collection<UUID> ids);
}
