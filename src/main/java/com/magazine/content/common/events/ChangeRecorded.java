package com.magazine.content.common.events;

import java.time.Instant;

/**
 * Fired, synchronously and inside the writing transaction, for every change recorded: observers (webhooks) add their
 * own rows to the same transaction, so that they commit or roll back with the change.
 */
public record ChangeRecorded(long seq, Change change, Instant at) {
}
