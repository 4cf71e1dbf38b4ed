package com.magazine.content.quotation;

import com.magazine.content.article.QuotationEmbed;
import com.magazine.content.common.http.KeptInMemory;
import jakarta.enterprise.context.ApplicationScoped;

/** Quotations as quote blocks embed them, kept in memory by id. */
@ApplicationScoped
class QuotationsInMemory extends KeptInMemory<QuotationEmbed> {

    QuotationsInMemory() {
        super("quotations", 10_000);
    }
}
