-- Uploads checked by an earlier version of the service hold what publishing would write in that
-- version's form: their figures carry a placeholder version (0) where figures are now written
-- with the version they will be published as, and they have no English names. Publishing one
-- would write a version the service refuses to load. They are dropped: an editor uploads the file
-- again (staged uploads expire after a day anyway); nothing published is touched.

DELETE FROM staged_imports;
