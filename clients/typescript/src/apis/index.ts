/* tslint:disable */
/* eslint-disable */
export * from './APIKeysApi.js';
export * from './ArticlesApi.js';
export * from './AssetsApi.js';
export * from './AuthorsApi.js';
export * from './BackupApi.js';
export * from './CommentModerationApi.js';
export * from './CommentsApi.js';
export * from './ImportsApi.js';
export * from './MediaApi.js';
export * from './QuotationsApi.js';
export * from './SyndicationApi.js';
