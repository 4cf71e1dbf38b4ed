package com.magazine.content.quotation;

import com.magazine.content.article.QuotationEmbed;
import com.magazine.content.article.QuotationLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Lets articles find the quotations their quote blocks cite. */
@ApplicationScoped
class QuotationLookups implements QuotationLookup {

    private final QuotationService quotations;

    QuotationLookups(QuotationService quotations) {
        this.quotations = quotations;
    }

    @Override
    public Map<UUID, QuotationEmbed> find(Collection<UUID> ids) {
        return quotations.embeds(ids);
    }
}
