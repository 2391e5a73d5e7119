-- Colleges, the branches (majors) they offer, and requests to add a college.
CREATE TABLE colleges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  "emailDomain" text NOT NULL,
  city text NOT NULL,
  state text NOT NULL,
  profile text NOT NULL DEFAULT 'https://yourcdn.com/default-college-profile.png',
  "createdAt" timestamp NOT NULL DEFAULT now(),
  "updatedAt" timestamp NOT NULL DEFAULT now()
);
CREATE INDEX idx_college_name ON colleges (name);
CREATE INDEX idx_college_email_domain ON colleges ("emailDomain");
CREATE INDEX idx_college_city_state ON colleges (city, state);

CREATE TABLE branches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  code text NOT NULL,
  "createdAt" timestamp NOT NULL DEFAULT now(),
  "updatedAt" timestamp NOT NULL DEFAULT now()
);
CREATE INDEX idx_branch_name ON branches (name);
CREATE INDEX idx_branch_code ON branches (code);

CREATE TABLE college_branches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "collegeId" uuid NOT NULL,
  "branchId" uuid NOT NULL,
  "createdAt" timestamp NOT NULL DEFAULT now(),
  CONSTRAINT "college_branches_collegeId_colleges_id_fk" FOREIGN KEY ("collegeId")
    REFERENCES colleges (id) ON DELETE CASCADE,
  CONSTRAINT "college_branches_branchId_branches_id_fk" FOREIGN KEY ("branchId")
    REFERENCES branches (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX idx_college_branch_unique ON college_branches ("collegeId", "branchId");
CREATE INDEX idx_college_branches_college ON college_branches ("collegeId");
CREATE INDEX idx_college_branches_branch ON college_branches ("branchId");

CREATE TABLE college_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  "emailDomain" text NOT NULL,
  city text NOT NULL,
  state text NOT NULL,
  "requestedByEmail" text,
  status text NOT NULL DEFAULT 'pending',
  "resolvedCollegeId" uuid,
  "resolvedAt" timestamp,
  "createdAt" timestamp NOT NULL DEFAULT now(),
  "updatedAt" timestamp NOT NULL DEFAULT now(),
  CONSTRAINT "college_requests_resolvedCollegeId_colleges_id_fk" FOREIGN KEY ("resolvedCollegeId")
    REFERENCES colleges (id) ON DELETE SET NULL
);
CREATE INDEX idx_college_request_email_domain ON college_requests ("emailDomain");
CREATE INDEX idx_college_request_status ON college_requests (status);
