package com.magazine.content.common.http;

import java.util.Collection;

/**
 * Something kept in memory that names what it depends on by surrogate keys: {@link CachePurges} purges every such
 * bean with the keys of each change, made here or read from the change log, so all of them stay true to the
 * database on every instance by the same one mechanism.
 */
public interface Purgeable {

    /** Forget everything that depends on any of these surrogate keys. */
    void purge(Collection<String> surrogateKeys);

    /** Forget everything: the content was replaced as a whole (a restore), so nothing kept describes it. */
    void purgeAll();
}
