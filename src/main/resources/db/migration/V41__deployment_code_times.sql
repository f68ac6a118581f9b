-- When the code a deployment carries was written, as its pipeline reports it (issue 16): lead time
-- starts at the earlier of the commit's time and its pull request's opening when a pipeline says
-- (POL-012's "PR open → production"), at the change's request otherwise.
ALTER TABLE deployment ADD COLUMN committed_at TIMESTAMPTZ;
ALTER TABLE deployment ADD COLUMN pr_opened_at TIMESTAMPTZ;
