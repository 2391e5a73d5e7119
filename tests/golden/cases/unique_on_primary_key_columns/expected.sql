CREATE TABLE "Tag" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" varchar(20) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_id_unique" UNIQUE("id");--> statement-breakpoint
CREATE TABLE "Membership" (
	"communityId" text NOT NULL,
	"userId" text NOT NULL,
	CONSTRAINT "Membership_pk" PRIMARY KEY("communityId","userId"),
	CONSTRAINT "Membership_userId_communityId_key" UNIQUE("userId","communityId")
);
--> statement-breakpoint
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_communityId_userId_key" UNIQUE("communityId","userId");