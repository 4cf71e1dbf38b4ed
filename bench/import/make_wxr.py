#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of a made-up magazine: python3 make_wxr.py POSTS COMMENTS_PER_POST OUT.xml

Posts are classic-editor HTML (implicit paragraphs, a heading, a list, a blockquote with its cite), filed under one of
twelve categories and three of forty tags, by one of thirty authors; each has COMMENTS_PER_POST comments, every third
a reply, a few pending. Text is generated from a small word list: the point is the size and the shape, not the prose.
"""
import random
import sys

posts, per_post, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(7)
WORDS = ("harbour council tide ledger ferry archive tenant budget quarry orchard signal winter timber market "
         "bridge census library province schooner mill rent county lantern shoal treaty almanac").split()


def sentence(n=14):
    words = [random.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(sentences=5):
    return " ".join(sentence(random.randint(8, 20)) for _ in range(sentences))


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


with open(out, "w", encoding="utf-8") as f:
    w = f.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
      'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench Quarterly</title>\n'
      '<link>https://bench-quarterly.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n'
      '<wp:base_site_url>https://bench-quarterly.example</wp:base_site_url>\n'
      '<wp:base_blog_url>https://bench-quarterly.example</wp:base_blog_url>\n')
    for a in range(30):
        w(f'<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login>{cdata("writer" + str(a))}'
          f'</wp:author_login><wp:author_email>{cdata(f"writer{a}@bench.example")}</wp:author_email>'
          f'<wp:author_display_name>{cdata("Writer " + WORDS[a % len(WORDS)].title() + " " + str(a))}'
          f'</wp:author_display_name></wp:author>\n')
    for c in range(12):
        w(f'<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename>section-{c}</wp:category_nicename>'
          f'<wp:category_parent></wp:category_parent><wp:cat_name>{cdata("Section " + str(c))}</wp:cat_name>'
          f'</wp:category>\n')
    for t in range(40):
        w(f'<wp:tag><wp:term_id>{100 + t}</wp:term_id><wp:tag_slug>topic-{t}</wp:tag_slug>'
          f'<wp:tag_name>{cdata("topic " + str(t))}</wp:tag_name></wp:tag>\n')
    comment_id = 1
    for p in range(posts):
        pid = 1000 + p
        day = 1 + p % 28
        month = 1 + (p // 28) % 12
        year = 2010 + p // 336
        body = "\n\n".join([paragraph(), paragraph(4), "<h2>" + sentence(5) + "</h2>", paragraph(6),
                            "<ul>\n<li>" + sentence(6) + "</li>\n<li>" + sentence(7) + "</li>\n</ul>",
                            "<blockquote>" + sentence(16) + "\n<cite>— " + sentence(3)[:-1] + ", " + sentence(2)[:-1]
                            + "</cite></blockquote>", paragraph(5)])
        w(f'<item>\n<title>{cdata(sentence(7)[:-1])}</title>\n'
          f'<link>https://bench-quarterly.example/{year}/{month:02d}/{day:02d}/post-{p}/</link>\n'
          f'<dc:creator>{cdata("writer" + str(p % 30))}</dc:creator>\n'
          f'<content:encoded>{cdata(body)}</content:encoded>\n'
          f'<excerpt:encoded>{cdata(sentence(12))}</excerpt:encoded>\n'
          f'<wp:post_id>{pid}</wp:post_id>\n'
          f'<wp:post_date_gmt>{year}-{month:02d}-{day:02d} 08:00:00</wp:post_date_gmt>\n'
          f'<wp:post_name>post-{p}</wp:post_name>\n<wp:status>publish</wp:status>\n'
          f'<wp:post_parent>0</wp:post_parent>\n<wp:post_type>post</wp:post_type>\n<wp:is_sticky>0</wp:is_sticky>\n'
          f'<category domain="category" nicename="section-{p % 12}">{cdata("Section " + str(p % 12))}</category>\n')
        for t in random.sample(range(40), 3):
            w(f'<category domain="post_tag" nicename="topic-{t}">{cdata("topic " + str(t))}</category>\n')
        first = comment_id
        for c in range(per_post):
            parent = first + c - 1 if c % 3 == 2 else 0
            approved = "0" if c % 10 == 9 else "1"
            w(f'<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>'
              f'<wp:comment_author>{cdata("Reader " + str(comment_id % 5000))}</wp:comment_author>'
              f'<wp:comment_author_email>reader{comment_id % 5000}@mail.example</wp:comment_author_email>'
              f'<wp:comment_author_url></wp:comment_author_url>'
              f'<wp:comment_author_IP>198.51.100.{comment_id % 250}</wp:comment_author_IP>'
              f'<wp:comment_date_gmt>{year}-{month:02d}-{day:02d} 12:{c % 60:02d}:00</wp:comment_date_gmt>'
              f'<wp:comment_content>{cdata(sentence(random.randint(10, 40)))}</wp:comment_content>'
              f'<wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type>'
              f'<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id>'
              f'</wp:comment>\n')
            comment_id += 1
        w('</item>\n')
    w('</channel>\n</rss>\n')
