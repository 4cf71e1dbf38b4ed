package com.magazine.content.asset;

/** The media store could not be reached or refused to work: a 503 with {@code Retry-After}, never a 500. */
class MediaStoreUnavailable extends RuntimeException {

    MediaStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
