-- Enumerated types shared across the Flick domains.
CREATE TYPE "authType" AS ENUM ('manual', 'oauth');
CREATE TYPE log_action AS ENUM (
  'user:upvoted:post', 'user:upvoted:comment', 'user:downvoted:post', 'user:downvoted:comment',
  'user:deleted:vote:on:comment', 'user:deleted:vote:on:post', 'user:switched:vote:on:comment',
  'user:switched:vote:on:post', 'user:created:post', 'user:updated:post', 'user:created:comment',
  'user:updated:comment', 'user:deleted:post', 'user:deleted:comment', 'user:reported:content',
  'user:accepted:terms', 'user:session:terminated:all', 'user:initialized:account',
  'auth:created:account', 'auth:otp:verify:success', 'auth:otp:verify:failed', 'auth:otp:send',
  'user:finished:onboarding', 'user:logged:in:self', 'user:logged:out:self',
  'user:logged:in:new:device', 'user:session:terminated:other', 'user:created:feedback',
  'user:updated:feedback', 'user:deleted:feedback', 'user:forgot:password',
  'user:initialized:forgot-password', 'admin:banned:user', 'admin:unbanned:user',
  'admin:suspended:user', 'admin:created:college', 'admin:deleted:college', 'admin:updated:college',
  'admin:blocked:content', 'admin:unblocked:content', 'admin:shadow:banned:content',
  'admin:shadow:unbanned:content', 'admin:updated:content', 'admin:deleted:report',
  'admin:bulk-deleted:reports', 'admin:updated:report:status', 'admin:updated:feedback:status',
  'admin:deleted:feedback', 'system:created:admin:account', 'admin:logged:out:self',
  'admin:initialized:account', 'admin:verified:otp', 'admin:removed:authorized:device',
  'admin:reset:email:otp', 'admin:deleted:admin:account', 'admin:updated:admin:account',
  'admin:fetched:all:admin:accounts', 'system:logged:error', 'system:logged:in',
  'system:logged:out', 'other:action'
);
CREATE TYPE report_type AS ENUM ('Post', 'Comment');
CREATE TYPE log_entity_type AS ENUM (
  'post', 'comment', 'bookmark', 'college', 'content-report', 'feedback', 'notification', 'user',
  'auth', 'vote'
);
CREATE TYPE moderation_severity_enum AS ENUM ('mild', 'moderate', 'severe');
CREATE TYPE notification_type AS ENUM ('general', 'upvoted_post', 'upvoted_comment', 'replied', 'posted');
CREATE TYPE log_platform AS ENUM ('web', 'mobile', 'tv', 'server', 'other');
CREATE TYPE log_role AS ENUM ('user', 'admin', 'superadmin', 'system');
CREATE TYPE log_status AS ENUM ('success', 'fail');
CREATE TYPE topic_enum AS ENUM (
  'Ask Flick', 'Serious Discussion', 'Career Advice', 'Showcase', 'Off-topic', 'Community Event',
  'Rant / Vent', 'Help / Support', 'Feedback / Suggestion', 'News / Update', 'Guide / Resource'
);
CREATE TYPE user_status AS ENUM ('ONBOARDING', 'ACTIVE');
CREATE TYPE vote_entity_enum AS ENUM ('post', 'comment');
CREATE TYPE vote_type_enum AS ENUM ('upvote', 'downvote');
