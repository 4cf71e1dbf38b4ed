package com.magazine.content.asset;

/** An image could not be decoded in the memory there is now: a 503 with {@code Retry-After}, never a 500. */
class EncoderBusy extends RuntimeException {

    EncoderBusy(Throwable cause) {
        super("not enough memory to decode the image now", cause);
    }
}
