package com.magazine.content.wordpress;

/** A WordPress export that cannot be read, said for a person: what is wrong and, where known, on which line. */
public class WxrException extends RuntimeException {

    private final Integer line;

    WxrException(String message, Integer line) {
        this(message, line, null);
    }

    WxrException(String message, Integer line, Throwable cause) {
        super(line == null ? message : message + " (line " + line + ")", cause);
        this.line = line;
    }

    /** The line of the file the problem was found on, {@code null} when not known. */
    public Integer line() {
        return line;
    }
}
