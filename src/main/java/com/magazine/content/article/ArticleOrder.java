package com.magazine.content.article;

/** The orders an article list comes in: newest or oldest published first, by title, or by search relevance. */
public enum ArticleOrder {
    newest, oldest, title, relevance
}
