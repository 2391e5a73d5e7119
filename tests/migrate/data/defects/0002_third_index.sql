CREATE INDEX "idx_posts_author" ON "posts" USING btree ("author_id");
