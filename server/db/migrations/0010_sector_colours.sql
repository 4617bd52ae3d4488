-- A sector's colour, light and dark shade ({"light": "#0072B2", "dark": "#56B4E9"}), from the
-- office's sector catalog (the template's 产业目录 sheet). Versions published before have none:
-- the app then colours a sector by its place in the catalog, as it always did.

ALTER TABLE sectors ADD COLUMN color jsonb;
