/*
 * Smoke run of the generated TypeScript client against a running service, as a frontend would use it.
 * Run by .ci/contract: CONTENT_API_URL and CONTENT_ADMIN_KEY name the service and its admin key.
 */
import {
  ArticlesApi,
  AuthorsApi,
  CommentModerationApi,
  CommentsApi,
  Configuration,
  ProblemFromJSON,
  ResponseError,
  SyndicationApi,
} from '../typescript/src/index.js';
import type { Article, ArticlePage, Problem } from '../typescript/src/index.js';

const basePath = required('CONTENT_API_URL');
const admin = new Configuration({ basePath, accessToken: required('CONTENT_ADMIN_KEY') });
const anonymous = new Configuration({ basePath });

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`smoke: ${what}`);
  }
  console.log(`ok - ${what}`);
}

/** A problem answer as a typed error: the Problem the API sent. */
async function problemOf(call: () => Promise<unknown>): Promise<Problem> {
  try {
    await call();
  } catch (e) {
    if (e instanceof ResponseError) {
      return ProblemFromJSON(await e.response.json());
    }
    throw e;
  }
  throw new Error('smoke: expected a problem answer');
}

async function main(): Promise<void> {
  const suffix = Date.now().toString(36);
  const authors = new AuthorsApi(admin);
  const author = await authors.createAuthor({ authorInput: { name: `Smoke Writer ${suffix}` } });
  check(author.slug.startsWith('smoke-writer'), `createAuthor made ${author.slug}`);

  const writing = new ArticlesApi(admin);
  const word = `smokeword${suffix}`;
  const created: Article = await writing.createArticle({
    articleInput: {
      title: `Smoke test ${suffix}`,
      authors: [author.slug],
      tags: ['Smoke'],
      body: [{ type: 'paragraph', text: `The ${word} appears here.` }],
    },
  });
  check(created.status === 'draft', `createArticle made the draft ${created.slug}`);
  const published = await writing.publishArticle({ slug: created.slug });
  check(published.status === 'published' && published.publishedAt !== null, 'publishArticle published it');
  const second = await writing.createArticle({
    articleInput: { title: `Second ${suffix}`, authors: [author.slug], body: [{ type: 'paragraph', text: 'More.' }] },
  });
  await writing.publishArticle({ slug: second.slug });

  const reading = new ArticlesApi(anonymous);
  const first: ArticlePage = await reading.listArticles({ limit: 1 });
  check(first.items.length === 1 && first.next !== null, 'listArticles answers a first page with a next cursor');
  const next = await reading.listArticles({ limit: 1, cursor: first.next ?? undefined });
  check(next.items.length === 1 && next.items[0].id !== first.items[0].id, 'the next page holds the next article');

  const article: Article = await reading.getArticle({ slug: created.slug });
  const title: string | null | undefined = article.title;
  check(title === `Smoke test ${suffix}` && article.authors[0].slug === author.slug,
    'getArticle answers the typed article with its authors');

  const found = await reading.listArticles({ q: word, sort: 'relevance' });
  check(found.items.some((item) => item.slug === created.slug), 'a search finds it');

  const posted = await new CommentsApi(anonymous).postComment({
    slug: created.slug,
    commentInput: { authorName: 'Smoke Reader', authorEmail: `reader-${suffix}@example.org`, body: 'A fine piece.' },
  });
  check(posted.status === 'pending', 'postComment holds the comment for moderation');
  const approved = await new CommentModerationApi(admin).approveComment({ id: posted.id });
  check(approved.status === 'approved', 'approveComment approves it');

  const changes = await new SyndicationApi(anonymous).listChanges({ limit: 100 });
  check(changes.items.length > 0, `listChanges reads the change feed (${changes.items.length} changes)`);

  const problem = await problemOf(() => reading.getArticle({ slug: `no-such-article-${suffix}` }));
  check(problem.status === 404 && problem.type === 'urn:content-api:problem:not-found',
    'an unknown slug is a typed 404 problem');
  const invalid = await problemOf(() => reading.listArticles({ limit: 1000 }));
  check(invalid.status === 400 && (invalid.violations ?? []).some((v) => v.field === 'limit'),
    'a limit out of range is a typed 400 problem naming the field');
  console.log('smoke run passed');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
