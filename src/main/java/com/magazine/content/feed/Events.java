package com.magazine.content.feed;

/** The names of webhook events: a type and what happened to it. */
final class Events {

    static final String PATTERN = "^(\\*|(article|author|quotation|comment|asset)\\.\\*"
            + "|article\\.(published|updated|unpublished|archived|deleted|restored|corrected)"
            + "|(author|quotation|asset)\\.(created|updated|deleted)"
            + "|comment\\.(posted|approved|rejected|spam|deleted))$";

    private Events() {
    }
}
